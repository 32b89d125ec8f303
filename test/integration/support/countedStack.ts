/**
 * A local stack of a test file's own whose DynamoDB requests are counted: the authorizer's cache
 * off (so each call carries its one Query), a separate client for seeding (not counted), and the
 * counter on the client the real handlers and the real authorizer share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../../infrastructure/local/localStack.ts';
import { createDocumentClient, defaultTable, type TableRef } from '../../../shared/store/client.ts';
import { countDynamoRequests, type DynamoCounter } from '../../bench/dynamoCounter.ts';

export interface CountedStack {
  stack: LocalStack;
  /** Seeds without being counted. */
  bulk: TableRef;
  counter: DynamoCounter;
  stop(): Promise<void>;
}

export async function startCountedStack(name: string): Promise<CountedStack> {
  const dataDir = mkdtempSync(join(tmpdir(), `sme-iam-${name}-`));
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    dynamoPort: 0,
    cognitoPort: 0,
    adminEmail: `${name}-admin@example.com`,
    authorizerCacheSeconds: 0,
  });
  const bulk = { doc: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName };
  return {
    stack,
    bulk,
    counter: countDynamoRequests(defaultTable().doc),
    async stop() {
      bulk.doc.destroy();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
