/**
 * The port the audit trail reads through: the table in production (`tableAuditLog.ts`), a list
 * in the unit tests. It answers one tenant's log, newest first, filtered as asked; which tenant
 * and subtree a reader may see is decided before it is asked (domain/access/auditReach.ts).
 */
import type { AuditEvent } from '../../events/auditEvent.ts';
import type { AuditLogQuery } from '../../store/auditStore.ts';
import type { Page } from '../../store/pagination.ts';
import type { MembershipProbe } from '../access/actorNames.ts';

export type { AuditLogQuery };

export interface AuditLog {
  /** A page of the tenant's events matching the query; its token resumes after the last event. */
  page(query: AuditLogQuery): Promise<Page<AuditEvent>>;
  /** One event of the tenant's log (within `subtree`, when given). */
  event(tenantId: string, eventId: string, subtree?: string): Promise<AuditEvent | undefined>;
}

export interface AuditDependencies {
  audit: AuditLog;
  /** Which actors the reader may see by name: their accepted memberships. */
  memberships: MembershipProbe;
}
