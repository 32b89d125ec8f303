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
import { AUDIT_BENCH, measureAuditPages, type AuditBenchSizes } from './auditBench.ts';
import { renderAuditSection } from './report.ts';

const log = (message: string) => console.error(`[bench] ${message}`);

function sizesFromArguments(args: string[]): AuditBenchSizes {
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    const value = at === -1 ? fallback : Number(args[at + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number`);
    return value;
  };
  const sizes = {
    ...AUDIT_BENCH,
    tenantEvents: option('tenant-events', AUDIT_BENCH.tenantEvents),
    otherEvents: option('other-events', AUDIT_BENCH.otherEvents),
    pageSize: option('page-size', AUDIT_BENCH.pageSize),
  };
  const otherTenants = Math.min(AUDIT_BENCH.otherTenants, sizes.otherEvents);
  if (sizes.tenantEvents < sizes.pageSize * Math.max(...sizes.pages)) throw new Error('too few tenant events for page 50');
  return { ...sizes, otherTenants };
}

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
    const result = await measureAuditPages(stack, counter, bulk, token, log, sizesFromArguments(process.argv.slice(2)));
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
