/**
 * The audit log in memory, with the table's semantics: one log per tenant, newest first, the
 * subtree, type, actor, target and time filters, pages of `limit` events with a token that
 * resumes after the last one; and the accepted memberships that vouch for actors.
 */
import { buildAuditEvent, type AuditEvent, type AuditRecord } from '../../../shared/events/auditEvent.ts';
import type { AuditDependencies, AuditLogQuery } from '../../../shared/services/audit/auditLog.ts';

export interface FakeAuditDependencies extends AuditDependencies {
  /** Every query asked of the log, as asked. */
  queries: AuditLogQuery[];
}

/** An event as the store keeps it, at `minute` minutes past midnight on 1 June 2026. */
export function auditEvent(minute: number, record: Partial<AuditRecord> & { groupId: string }): AuditEvent {
  return buildAuditEvent({
    actor: 'ann@acme.com',
    action: 'group.updated',
    targetType: 'group',
    targetId: record.groupId,
    requestId: `req-${minute}`,
    at: new Date(Date.UTC(2026, 5, 1, 0, minute)).toISOString(),
    ...record,
  });
}

const within = (groupId: string, subtree: string) => groupId === subtree || groupId.startsWith(`${subtree}/`);

/** `members`: accepted memberships, as `email|groupId`. */
export function fakeAuditLog(events: AuditEvent[], members: string[] = []): FakeAuditDependencies {
  const newestFirst = [...events].sort((a, b) => b.id.localeCompare(a.id));
  const queries: AuditLogQuery[] = [];
  const matches = (query: AuditLogQuery) => (event: AuditEvent) =>
    event.tenantId === query.tenantId &&
    (query.subtree === undefined || within(event.groupId, query.subtree)) &&
    (!query.types?.length || query.types.includes(event.type)) &&
    (query.actor === undefined || event.actor === query.actor) &&
    (query.target === undefined || event.target.id === query.target) &&
    (query.from === undefined || event.at >= query.from) &&
    (query.to === undefined || event.at <= query.to);
  return {
    queries,
    audit: {
      page: async (query) => {
        queries.push(query);
        const matching = newestFirst.filter(matches(query));
        const start = query.fromToken === undefined ? 0 : matching.findIndex((event) => event.id === query.fromToken) + 1;
        const items = matching.slice(start, start + query.limit);
        const more = start + query.limit < matching.length;
        return { items: structuredClone(items), ...(more ? { nextToken: items.at(-1)!.id } : {}) };
      },
      event: async (tenantId, eventId, subtree) =>
        structuredClone(
          newestFirst.find(
            (event) =>
              event.id === eventId && event.tenantId === tenantId && (subtree === undefined || within(event.groupId, subtree)),
          ),
        ),
    },
    memberships: async (pairs) =>
      new Set(pairs.map(({ email, groupId }) => `${email}|${groupId}`).filter((pair) => members.includes(pair))),
  };
}
