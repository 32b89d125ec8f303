/**
 * The public change event: what the bank's other systems receive for each committed audit
 * event, on AWS through EventBridge and locally through `GET /dev/events`. It is the audit event
 * exactly as it was stored (auditEvent.ts builds it at write time): this file only picks its
 * fields off the stored item, leaving the item's keys and TTL behind.
 */
import { auditEventOf, type AuditEvent } from './auditEvent.ts';

export { EVENT_TYPES } from './auditEvent.ts';

export const EVENT_SOURCE = 'sme-iam';

export type ChangeEvent = AuditEvent;

/** A stored audit item: the event plus the store's keys and TTL (see shared/store/audit.ts). */
export type StoredAuditItem = AuditEvent & { pk: string; sk: string } & Record<string, unknown>;

export const AUDIT_PARTITION_PREFIX = 'AUDIT#';

export const isAuditItemKey = (pk: unknown): boolean => typeof pk === 'string' && pk.startsWith(AUDIT_PARTITION_PREFIX);

export const toChangeEvent = (item: StoredAuditItem): ChangeEvent => auditEventOf(item);
