/**
 * Issue 15: DynamoDB requests and time per audit page, page 1 against page 50 of one tenant's
 * 10,000 events, with 100,000 events of other tenants in the same table. The events are written
 * straight to the table in the shape the writer stores (auditItem), in their tenants' log partitions.
 */
import type { LocalStack } from '../../../infrastructure/local/localStack.ts';
import { buildAuditEvent } from '../../../shared/events/auditEvent.ts';
import { auditItem } from '../../../shared/store/audit.ts';
import type { TableRef } from '../../../shared/store/client.ts';
import { apiCall, expectStatus } from '../api.ts';
import type { DynamoCounter } from '../dynamoCounter.ts';
import { batchPut } from '../seedData.ts';
import { median } from '../stats.ts';

/** The issue's sizes; `main.ts` takes smaller ones for a quick run on a busy machine. */
export const AUDIT_BENCH = { tenantEvents: 10_000, otherEvents: 100_000, otherTenants: 100, pageSize: 100, pages: [1, 50] };
export type AuditBenchSizes = typeof AUDIT_BENCH;
const REPEATS = 15;
const WARM_UP_ROUNDS = 3;

export interface AuditPageTiming {
  page: number;
  events: number;
  httpMs: number;
  /** The handler's own Query of the log index, summed per page. */
  queryMs: number;
  /** Every DynamoDB request of one page, the authorizer's and the route guard's included. */
  operations: string[];
}

export interface AuditBenchResult {
  sizes: AuditBenchSizes;
  seedSeconds: number;
  pages: AuditPageTiming[];
  repeats: number;
}

function events(tenant: string, total: number, startMs: number): Record<string, unknown>[] {
  return Array.from({ length: total }, (_, i) =>
    auditItem(
      buildAuditEvent({
        actor: `admin${i % 10}@bench.example`,
        action: ['group.updated', 'user.disabled', 'membership.granted'][i % 3]!,
        targetType: 'user',
        targetId: `person-${i % 500}@bench.example`,
        groupId: `${tenant}/unit-${i % 20}`,
        before: { state: 'active' },
        after: { state: 'disabled' },
        at: new Date(startMs + i * 1000).toISOString(),
        requestId: `bench-${i}`,
      }),
    ),
  );
}

export async function measureAuditPages(
  stack: LocalStack,
  counter: DynamoCounter,
  table: TableRef,
  token: string,
  log: (message: string) => void,
  sizes: AuditBenchSizes = AUDIT_BENCH,
): Promise<AuditBenchResult> {
  const created = expectStatus(
    await apiCall(stack.apiUrl, 'POST', '/groups', { token, groupContext: '/', body: { name: 'audited' } }),
    201,
    'the audited tenant',
  );
  const tenant = created.body.id as string;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const seedStarted = performance.now();
  log(`audit: writing ${sizes.otherEvents} events of ${sizes.otherTenants} other tenants`);
  const perOther = sizes.otherEvents / sizes.otherTenants;
  await batchPut(table, Array.from({ length: sizes.otherTenants }, (_, t) => events(`/other-${t}`, perOther, start)).flat());
  log(`audit: writing ${sizes.tenantEvents} events of ${tenant}`);
  await batchPut(table, events(tenant, sizes.tenantEvents, start));
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const pathOf = (fromToken?: string) =>
    `/audit?count=${sizes.pageSize}${fromToken ? `&fromToken=${encodeURIComponent(fromToken)}` : ''}`;
  const tokens = new Map<number, string | undefined>([[1, undefined]]);
  for (let page = 1; page < Math.max(...sizes.pages); page++) {
    const call = expectStatus(
      await apiCall(stack.apiUrl, 'GET', pathOf(tokens.get(page)), { token, groupContext: tenant }),
      200,
      `audit page ${page}`,
    );
    tokens.set(page + 1, call.body.pagination.lastEvaluatedToken);
  }
  // Timed in turns (1, 50, 1, 50, ...) after warm-up rounds, so drift on a shared machine lands on both alike.
  const samples = sizes.pages.map((page) => ({
    page,
    path: pathOf(tokens.get(page)),
    events: 0,
    httpMs: [] as number[],
    queryMs: [] as number[],
    operations: [] as string[],
  }));
  for (let round = -WARM_UP_ROUNDS; round < REPEATS; round++) {
    for (const sample of samples) {
      counter.reset();
      const call = expectStatus(await apiCall(stack.apiUrl, 'GET', sample.path, { token, groupContext: tenant }), 200, 'page');
      const counted = counter.snapshot();
      if (round < 0) continue;
      sample.events = call.body.events.length;
      sample.httpMs.push(call.ms);
      const logQueries = counted.requests.filter((request) => request.operation === 'Query gsi3');
      sample.queryMs.push(logQueries.reduce((sum, request) => sum + request.ms, 0));
      sample.operations = counted.requests.map((request) => request.operation);
    }
  }
  return {
    sizes,
    seedSeconds,
    repeats: REPEATS,
    pages: samples.map((sample) => ({
      page: sample.page,
      events: sample.events,
      httpMs: median(sample.httpMs),
      queryMs: median(sample.queryMs),
      operations: sample.operations,
    })),
  };
}
