/**
 * Just the issue-14 requests of checks and user listings, against a local stack of its own:
 * `npx tsx test/bench/batchMain.ts` prints the report section (docs/benchmarks.md is written
 * only by `npm run bench`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';
import { startLocalStack, type LocalStack } from '../../infrastructure/local/localStack.ts';
import { createDocumentClient, defaultTable } from '../../shared/store/client.ts';
import { login } from './api.ts';
import { measureAuthorizer } from './authorizerBench.ts';
import { measureBatchCosts } from './batchBench.ts';
import { countDynamoRequests } from './dynamoCounter.ts';
import { renderBatchCosts } from './report.ts';

const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<void> {
  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  const dataDir = mkdtempSync(join(REPO_ROOT, '.bench', 'batch-'));
  let stack: LocalStack | undefined;
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
    const bulk = { doc: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName };
    const counter = countDynamoRequests(defaultTable().doc);
    const token = await login(stack.apiUrl, stack.admin.email, stack.admin.password);
    const { requestsPerDecision } = await measureAuthorizer(counter, 'admin of `/`', 1, token);
    log('checks and user listings: requests per call');
    const result = await measureBatchCosts(stack, counter, bulk, token);
    console.log(
      `## DynamoDB requests of a batch of checks and of a page of users (issue 14)\n\n${renderBatchCosts(result, requestsPerDecision)}`,
    );
    bulk.doc.destroy();
  } finally {
    await stack?.stop();
    if (stack) defaultTable().doc.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
