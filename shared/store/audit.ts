/**
 * Writes the audit event of a change, in the change's own transaction, so it commits with it or
 * not at all. The event's shape is built here, once (shared/events/auditEvent.ts), with where the
 * request came from taken from the request's context, so no service passes it along.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { buildAuditEvent, type AuditEvent, type AuditRecord } from '../events/auditEvent.ts';
import { currentRequestOrigin } from '../observability/requestContext.ts';
import { auditExpiry, auditRetentionDays } from '../config/auditRetention.ts';
import { auditEventKey, auditLogIndexKeys, TTL_ATTRIBUTE } from './keys.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The stored item: the event as is, with its keys (its target's history and its tenant's log) and its expiry. */
export function auditItem(event: AuditEvent, retentionDays = auditRetentionDays()): Record<string, unknown> {
  return {
    ...auditEventKey(event.target.type, event.target.id, event.at, event.id),
    ...auditLogIndexKeys(event.tenantId, event.id),
    [TTL_ATTRIBUTE]: auditExpiry(event.at, retentionDays),
    ...event,
  };
}

/** The audit event as a transaction item. */
export function auditEventPut(tableName: string, record: AuditRecord): TransactItem {
  return { Put: { TableName: tableName, Item: auditItem(buildAuditEvent(record, currentRequestOrigin())) } };
}
