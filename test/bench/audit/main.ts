/**
 * Just the issue-15 audit pages, against a local stack of its own:
 * `npx tsx test/bench/audit/main.ts` prints the report section (docs/benchmarks.md is written
 * only by `npm run bench`).
 */
import { log, runSection, withBenchStack } from '../benchStack.ts';
import { AUDIT_BENCH, measureAuditPages, type AuditBenchSizes } from './auditBench.ts';
import { renderAuditSection } from './report.ts';

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

runSection(() =>
  withBenchStack('audit', async ({ stack, bulk, counter, adminToken }) => {
    const sizes = sizesFromArguments(process.argv.slice(2));
    const result = await measureAuditPages(stack, counter, bulk, adminToken, log, sizes);
    console.log(`## Audit pages (issue 15)\n\n${renderAuditSection(result)}`);
  }),
);
