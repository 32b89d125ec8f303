import type { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from '../../shared/events/auditEvent.ts';
import { auditItem } from '../../shared/store/audit.ts';
import { queryAuditLog, MAX_REQUESTS_PER_PAGE } from '../../shared/store/auditStore.ts';
import type { TableRef } from '../../shared/store/client.ts';

const items = Array.from({ length: 30 }, (_, i) =>
  auditItem(
    buildAuditEvent({
      actor: 'ann@acme.com',
      action: i % 10 === 0 ? 'user.disabled' : 'group.updated',
      targetType: 'group',
      targetId: '/acme',
      at: new Date(Date.parse('2026-12-01T00:00:00Z') - i * 1000).toISOString(),
      requestId: `r${i}`,
    }),
  ),
);

/** A table whose Query answers `pageSize` items at a time from `items` (newest first), applying only the type filter. */
function fakeTable(pageSize: number): { table: TableRef; queries: QueryCommand['input'][] } {
  const queries: QueryCommand['input'][] = [];
  const send = async (command: QueryCommand) => {
    const input = command.input;
    queries.push(input);
    const start = input.ExclusiveStartKey ? items.findIndex((item) => item.sk === input.ExclusiveStartKey!.sk) + 1 : 0;
    const read = items.slice(start, start + Math.min(pageSize, input.Limit ?? pageSize));
    const wanted = Object.entries(input.ExpressionAttributeValues ?? {})
      .filter(([name]) => name.startsWith(':type'))
      .map(([, value]) => value);
    const matching = wanted.length ? read.filter((item) => wanted.includes(item.type)) : read;
    const last = read.at(-1);
    const more = start + read.length < items.length;
    return {
      Items: matching,
      LastEvaluatedKey: more && last ? { pk: last.pk, sk: last.sk, gsi3pk: last.gsi3pk, gsi3sk: last.gsi3sk } : undefined,
    };
  };
  return { table: { tableName: 't', doc: { send } } as unknown as TableRef, queries };
}

describe('reading the audit log', () => {
  it('reads at most five index pages per page when a filter is selective, and finds every match once across pages', async () => {
    // Prepare
    const { table, queries } = fakeTable(10);
    const found: string[] = [];
    const perPage: number[] = [];

    // Act
    let token: string | undefined;
    do {
      const before = queries.length;
      const page = await queryAuditLog(table, { tenantId: '/acme', types: ['user.disabled'], limit: 2, fromToken: token });
      perPage.push(queries.length - before);
      found.push(...page.items.map((event) => event.requestId));
      token = page.nextToken;
    } while (token);

    // Assess
    expect(found).toEqual(['r0', 'r10', 'r20']);
    expect(Math.max(...perPage)).toBeLessThanOrEqual(MAX_REQUESTS_PER_PAGE);
    expect(queries.every((query) => query.IndexName === 'gsi3' && query.ScanIndexForward === false && query.Limit === 2)).toBe(
      true,
    );
  });

  it('cuts a page at the limit and carries a token from the last event it answered', async () => {
    // Prepare
    const { table } = fakeTable(10);

    // Act
    const first = await queryAuditLog(table, { tenantId: '/acme', limit: 3 });
    const second = await queryAuditLog(table, { tenantId: '/acme', limit: 3, fromToken: first.nextToken });

    // Assess
    expect([...first.items, ...second.items].map((event) => event.requestId)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it("refuses a token from another tenant's log and a backwards time range", async () => {
    // Prepare
    const { table } = fakeTable(10);
    const other = await queryAuditLog(table, { tenantId: '/acme', limit: 1 });

    // Act
    const replay = queryAuditLog(table, { tenantId: '/bloom', limit: 1, fromToken: other.nextToken });
    const backwards = queryAuditLog(table, {
      tenantId: '/acme',
      limit: 1,
      from: '2026-02-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });

    // Assess
    await expect(replay).rejects.toMatchObject({ kind: 'invalid' });
    await expect(backwards).rejects.toMatchObject({ kind: 'invalid' });
  });
});
