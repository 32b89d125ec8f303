/**
 * Just the issue-15 audit pages, against a local stack of its own:
 * `npx tsx test/bench/audit/main.ts` prints the report section (docs/benchmarks.md is written
 * only by `npm run bench`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../infrastructure/aws/lambdaFunction.ts';
import { startLocalStack, type LocalStack } from '../../../infrastructure/local/localStack.ts';
import { createDocumentClient, defaultTable } from '../../../shared/store/client.ts';
import { login } from '../api.ts';
import { countDynamoRequests } from '../dynamoCounter.ts';
import { measureAuditPages } from './auditBench.ts';
import { renderAuditSection } from './report.ts';

const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<void> {
  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  const dataDir = mkdtempSync(join(REPO_ROOT, '.bench', 'audit-'));
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
    const result = await measureAuditPages(stack, counter, bulk, token, log);
    console.log(`## Audit pages (issue 15)\n\n${renderAuditSection(result)}`);
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
