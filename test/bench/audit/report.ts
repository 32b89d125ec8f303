/** The audit section of docs/benchmarks.md. */
import type { AuditBenchResult } from './auditBench.ts';

const count = (operations: string[]) => {
  const counts = new Map<string, number>();
  for (const operation of operations) counts.set(operation, (counts.get(operation) ?? 0) + 1);
  return [...counts].map(([operation, n]) => `${n} × \`${operation}\``).join(', ');
};

export function renderAuditSection(result: AuditBenchResult): string {
  const [first, fiftieth] = result.pages;
  const sizes = result.sizes;
  return `\`GET /audit?count=${sizes.pageSize}\` of one tenant with ${sizes.tenantEvents.toLocaleString('en')} events, while the table also holds
${sizes.otherEvents.toLocaleString('en')} events of ${sizes.otherTenants} other tenants (written in ${result.seedSeconds.toFixed(0)} s, in the shape the service stores).
Page 50 is reached by following \`pagination.lastEvaluatedToken\` from page 1; then both pages are asked ${result.repeats} times in turns
(after warm-up rounds), with the authorizer's cache off. Requests are every DynamoDB request of one page (the authorizer's and
the route guard's included); the log's Query is the handler's read of the tenant + time index (\`gsi3\`).

| Page | Events | DynamoDB requests | Median HTTP (ms) | Median log Query (ms) |
|---|---|---|---|---|
${result.pages.map((page) => `| ${page.page} | ${page.events} | ${count(page.operations)} | ${page.httpMs.toFixed(1)} | ${page.queryMs.toFixed(1)} |`).join('\n')}

Both pages send the same requests: one Query of at most \`count\` items from where the token points, in the tenant's own
partition, whatever the page number and whatever the other tenants hold. Page 50's median time was ${(fiftieth!.httpMs / first!.httpMs).toFixed(2)}× page 1's over HTTP
and ${(fiftieth!.queryMs / first!.queryMs).toFixed(2)}× for the Query alone; on a shared machine these medians move between runs more than the requests do.`;
}
