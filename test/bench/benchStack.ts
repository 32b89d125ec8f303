/**
 * A local stack for the benchmark (`run.ts`, and the sections run alone: `batchMain.ts`,
 * `audit/main.ts`): free 127.0.0.1 ports, a fresh data folder under .bench/, the authorizer's cache
 * off, the handlers at log level ERROR; stopped and removed however the run ends, Ctrl-C included.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';
import { startLocalStack, type LocalStack } from '../../infrastructure/local/localStack.ts';
import { createDocumentClient, defaultTable, type TableRef } from '../../shared/store/client.ts';
import { login } from './api.ts';
import { countDynamoRequests, type DynamoCounter } from './dynamoCounter.ts';

export const log = (message: string) => console.error(`[bench] ${message}`);

export interface BenchStack {
  stack: LocalStack;
  /** A client of its own for seeding, so seeding is not counted. */
  bulk: TableRef;
  /** Counts what the handlers and the authorizer send. */
  counter: DynamoCounter;
  adminToken: string;
}

export async function withBenchStack<T>(name: string, section: (bench: BenchStack) => Promise<T>): Promise<T> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  const dataDir = mkdtempSync(join(REPO_ROOT, '.bench', `${name}-`));
  let stack: LocalStack | undefined;
  let bulk: TableRef | undefined;
  const cleanUp = async () => {
    bulk?.doc.destroy();
    await stack?.stop();
    if (stack) defaultTable().doc.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    stack = await startLocalStack({
      dataDir,
      port: 0,
      dynamoPort: 0,
      cognitoPort: 0,
      adminEmail: 'bench-admin@example.com',
      authorizerCacheSeconds: 0,
      log,
    });
    bulk = { doc: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName };
    // The handlers and the authorizer share this process's client: count what they send.
    const counter = countDynamoRequests(defaultTable().doc);
    const adminToken = await login(stack.apiUrl, stack.admin.email, stack.admin.password);
    return await section({ stack, bulk, counter, adminToken });
  } finally {
    log('stopping the local stack');
    await cleanUp();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

/** Runs a section's main, reporting a failure as the exit code. */
export function runSection(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
