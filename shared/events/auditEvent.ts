/**
 * The audit event: one shape, built once, when the change it records is written. The store keeps
 * it on the audit item as is, `GET /audit` answers it, and the stream consumer publishes it to
 * EventBridge unchanged (changeEvent.ts only picks these fields off the stored item).
 */
import { randomBytes } from 'node:crypto';
import { tenantOf } from '../domain/access/auditReach.ts';
import { changedFields, type FieldChange } from './changedFields.ts';

/** Every public event type. Services that store another action name map through EVENT_TYPES. */
export const AUDIT_EVENT_TYPES = [
  'group.created',
  'group.updated',
  'group.deleted',
  'tenant.created',
  'tenant.plan_changed',
  'role.created',
  'role.updated',
  'role.deleted',
  'invitation.created',
  'invitation.updated',
  'invitation.accepted',
  'membership.granted',
  'membership.revoked',
  'user.updated',
  'user.enabled',
  'user.disabled',
  'user.deleted',
  'user.password_changed',
  'user.email_proved',
  'mfa.enabled',
  'mfa.disabled',
  'session.opened',
  'session.ended',
  'login.failed',
  'login.locked',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Stored audit action -> public event type, in one place. Actions already named as a type pass through. */
export const EVENT_TYPES: Readonly<Record<string, AuditEventType>> = {
  'seed.created': 'group.created',
  'tenant.signed_up': 'tenant.created',
  'user.invited': 'invitation.created',
  'membership.invited': 'invitation.created',
  'membership.accepted': 'invitation.accepted',
  'user.activated': 'invitation.accepted',
  'user.password_reset': 'user.password_changed',
  'user.mfa_enabled': 'mfa.enabled',
  'user.mfa_disabled': 'mfa.disabled',
  'session.logout': 'session.ended',
};

/** The actor of what the service records on its own: lockouts, failed logins, MFA found changed at Cognito. */
export const SYSTEM_ACTOR = 'system';

export interface AuditEvent {
  /** A UUID version 7 whose time is `at`: unique, and sorting ids sorts events by time. Consumers deduplicate on it. */
  id: string;
  at: string;
  type: string;
  /** An email, `system` or `installer`. */
  actor: string;
  target: { type: string; id: string };
  /** Where it happened. */
  groupId: string;
  /** The business it belongs to: the top-level group of `groupId` (`/acme` for `/acme/finance`), or `/`. */
  tenantId: string;
  /** Before and after of the fields that changed; never a password, token, code or secret. */
  changes: Record<string, FieldChange>;
  requestId: string;
  sourceIp?: string;
  userAgent?: string;
}

/** The fields of AuditEvent, in order: what the store adds around them (keys, TTL) is never published. */
export const AUDIT_EVENT_FIELDS = [
  'id',
  'at',
  'type',
  'actor',
  'target',
  'groupId',
  'tenantId',
  'changes',
  'requestId',
  'sourceIp',
  'userAgent',
] as const satisfies readonly (keyof AuditEvent)[];

/** The event held by a stored item (or a stream image): its declared fields, leaving the store's keys and TTL behind. */
export function auditEventOf(item: Record<string, unknown>): AuditEvent {
  const event: Record<string, unknown> = {};
  for (const field of AUDIT_EVENT_FIELDS) if (item[field] !== undefined) event[field] = item[field];
  return event as unknown as AuditEvent;
}

/** What a service records with a change. */
export interface AuditRecord {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  at: string;
  requestId: string;
  /** Where it happened, when neither the target nor its memberships say. */
  groupId?: string;
}

/** Where the request came from, as the http layer saw it. */
export interface RequestOrigin {
  sourceIp?: string;
  userAgent?: string;
  /** The group the caller acts in. */
  groupContextId?: string;
}

export function buildAuditEvent(record: AuditRecord, origin: RequestOrigin = {}): AuditEvent {
  const changes = changedFields(record.before, record.after);
  const groupId = record.groupId ?? groupOf(record) ?? origin.groupContextId ?? '/';
  return {
    id: uuidV7(Date.parse(record.at)),
    at: record.at,
    type: eventType(record.action, changes),
    actor: record.actor,
    target: { type: record.targetType, id: record.targetId },
    groupId,
    tenantId: tenantOf(groupId),
    changes,
    requestId: record.requestId,
    ...(origin.sourceIp ? { sourceIp: origin.sourceIp } : {}),
    ...(origin.userAgent ? { userAgent: origin.userAgent.slice(0, 512) } : {}),
  };
}

/** The store records re-enabling a user as a plain update; its state change makes it `user.enabled`. */
function eventType(action: string, changes: Record<string, FieldChange>): string {
  const state = changes.state;
  if (action === 'user.updated' && state?.before === 'disabled' && state.after === 'active') return 'user.enabled';
  return EVENT_TYPES[action] ?? action;
}

function groupOf(record: AuditRecord): string | undefined {
  if (record.targetType === 'group') return record.targetId;
  for (const image of [record.after, record.before]) {
    const groups = (image as { groups?: unknown } | undefined)?.groups;
    if (groups && typeof groups === 'object') {
      const [first] = Array.isArray(groups) ? groups : Object.keys(groups);
      if (typeof first === 'string') return first;
    }
  }
  return undefined;
}

/** RFC 9562 version 7: 48 bits of milliseconds, then version, variant and random bits. */
export function uuidV7(milliseconds: number): string {
  const bytes = randomBytes(16);
  const time = Number.isFinite(milliseconds) && milliseconds >= 0 ? milliseconds : Date.now();
  bytes.writeUIntBE(time, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The first 13 characters of every version 7 id made in that millisecond: bounds for a time range of ids. */
export function uuidV7TimePrefix(milliseconds: number): string {
  const hex = Math.max(0, Math.floor(milliseconds)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}
