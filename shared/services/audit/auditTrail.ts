/**
 * `GET /audit` and `GET /audit/{eventId}`: the events of the caller's group in context and its
 * subtree, from its tenant's log. The route guard has already decided that the caller may read
 * the audit trail there (`iam:audit:read`); the reach (which log, which subtree) is decided in
 * domain/access/auditReach.ts.
 */
import type { Caller } from '../../domain/caller.ts';
import { auditReach } from '../../domain/access/auditReach.ts';
import { notFound } from '../../domain/errors.ts';
import type { AuditEvent } from '../../events/auditEvent.ts';
import type { TableRef } from '../../store/client.ts';
import { queryAuditLog, readAuditEvent } from '../../store/auditStore.ts';
import type { Page } from '../../store/pagination.ts';

export interface AuditFilters {
  type: string[];
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
}

export interface AuditPageRequest extends AuditFilters {
  count: number;
  fromToken?: string;
}

export async function listAuditEvents(table: TableRef, caller: Caller, request: AuditPageRequest): Promise<Page<AuditEvent>> {
  return queryAuditLog(table, {
    ...auditReach(caller.groupContextId),
    types: request.type,
    actor: request.actor,
    target: request.target,
    from: request.from,
    to: request.to,
    limit: request.count,
    fromToken: request.fromToken,
  });
}

export async function getAuditEvent(table: TableRef, caller: Caller, eventId: string): Promise<AuditEvent> {
  const { tenantId, subtree } = auditReach(caller.groupContextId);
  const event = await readAuditEvent(table, tenantId, eventId, subtree);
  if (!event) throw notFound(`Audit event ${eventId} not found`);
  return event;
}
