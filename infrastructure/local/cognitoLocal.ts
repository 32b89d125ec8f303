/**
 * cognito-local, the Cognito user-pool emulator, as a child process bound to 127.0.0.1.
 * Its data lives in `<dataDir>/.cognito` (it always uses `./.cognito` of its working directory).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureOutput, stopChild } from './childProcesses.ts';
import { waitUntil } from './ports.ts';

export interface RunningCognito {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startCognitoLocal(options: {
  port: number;
  dataDir: string;
  fixedCode?: string;
  /** Where the emulator appends every code it "emails" (see cognitoLocalProcess.cjs). */
  outboxFile?: string;
  /** Cognito triggers (e.g. `PostConfirmation`) -> function names, invoked through the Lambda Invoke API at `endpoint`. */
  triggers?: { endpoint: string; functions: Record<string, string> };
}): Promise<RunningCognito> {
  const dataDir = resolve(options.dataDir);
  const endpoint = `http://127.0.0.1:${options.port}`;
  mkdirSync(join(dataDir, '.cognito', 'db'), { recursive: true });
  writeFileSync(
    join(dataDir, '.cognito', 'config.json'),
    JSON.stringify(
      {
        TokenConfig: { IssuerDomain: endpoint },
        // Usernames are the lower-cased email itself, as in the deployed pool.
        UserPoolDefaults: { UsernameAttributes: [] },
        ...(options.triggers
          ? {
              TriggerFunctions: options.triggers.functions,
              LambdaClient: {
                endpoint: options.triggers.endpoint,
                region: 'local',
                credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
              },
            }
          : {}),
      },
      null,
      2,
    ),
  );
  const entry = fileURLToPath(new URL('./cognitoLocalProcess.cjs', import.meta.url));
  const child = spawn(process.execPath, [entry], {
    cwd: dataDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      ...(options.fixedCode ? { CODE: options.fixedCode } : {}),
      ...(options.outboxFile ? { IAM_EMULATOR_OUTBOX: options.outboxFile } : {}),
    },
    stdio: 'pipe',
  });
  const output = captureOutput(child);
  try {
    await waitUntil('cognito-local', async () => {
      if (child.exitCode !== null) throw new Error('cognito-local exited');
      return (await fetch(`${endpoint}/health`)).ok;
    });
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${output()}`);
  }
  return { endpoint, stop: () => stopChild(child) };
}
