/**
 * The public change event: what the bank's other systems receive for each committed audit
 * event, on AWS through EventBridge and locally through `GET /dev/events`. A pure mapping
 * from the stored audit item, so both paths send exactly the same thing.
 */
import { changedFields, type FieldChange } from './changedFields.ts';

export const EVENT_SOURCE = 'sme-iam';

/**
 * Stored audit action -> public event type, in one place. Actions not listed pass through unchanged.
 * Issue types with no stored event yet: `session.opened`, `login.failed`, `mfa.disabled`
 * (and `user.enabled` only as derived below).
 */
export const EVENT_TYPES: Readonly<Record<string, string>> = {
  'seed.created': 'group.created',
  'group.created': 'group.created',
  'group.updated': 'group.updated',
  'group.deleted': 'group.deleted',
  'tenant.created': 'tenant.created',
  'tenant.signed_up': 'tenant.created',
  'tenant.plan_changed': 'tenant.plan_changed',
  'role.created': 'role.created',
  'role.updated': 'role.updated',
  'role.deleted': 'role.deleted',
  'user.invited': 'invitation.created',
  'membership.invited': 'invitation.created',
  'membership.accepted': 'invitation.accepted',
  'user.activated': 'invitation.accepted',
  'membership.granted': 'membership.granted',
  'membership.revoked': 'membership.revoked',
  'user.updated': 'user.updated',
  'user.disabled': 'user.disabled',
  'user.deleted': 'user.deleted',
  'user.password_changed': 'user.password_changed',
  'user.password_reset': 'user.password_changed',
  'user.mfa_enabled': 'mfa.enabled',
  'session.opened': 'session.opened',
  'session.logout': 'session.ended',
  'session.ended': 'session.ended',
  'login.locked': 'login.locked',
};

export interface ChangeEvent {
  /** Unique per committed event: consumers deduplicate on it (delivery is at least once). */
  id: string;
  at: string;
  type: string;
  /** An email, `system` or `installer`. */
  actor: string;
  target: { type: string; id: string };
  /** The group where it happened, where known. */
  groupId?: string;
  changes: Record<string, FieldChange>;
  requestId: string;
  sourceIp?: string;
  userAgent?: string;
}

/** The fields of a stored audit item the mapping reads (see shared/store/audit.ts). */
export interface StoredAuditItem {
  pk: string;
  sk: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  at: string;
  requestId: string;
  sourceIp?: string;
  userAgent?: string;
}

export const AUDIT_PARTITION_PREFIX = 'AUDIT#';

export const isAuditItemKey = (pk: unknown): boolean => typeof pk === 'string' && pk.startsWith(AUDIT_PARTITION_PREFIX);

export function toChangeEvent(item: StoredAuditItem): ChangeEvent {
  const changes = changedFields(item.before, item.after);
  const groupId = groupOf(item);
  return {
    id: item.sk.slice(item.sk.lastIndexOf('#') + 1),
    at: item.at,
    type: eventType(item.action, changes),
    actor: item.actor,
    target: { type: item.targetType, id: item.targetId },
    ...(groupId === undefined ? {} : { groupId }),
    changes,
    requestId: item.requestId,
    ...(item.sourceIp === undefined ? {} : { sourceIp: item.sourceIp }),
    ...(item.userAgent === undefined ? {} : { userAgent: item.userAgent }),
  };
}

/** The store records re-enabling a user as a plain update; its state change makes it `user.enabled`. */
function eventType(action: string, changes: Record<string, FieldChange>): string {
  const state = changes.state;
  if (action === 'user.updated' && state?.before === 'disabled' && state.after === 'active') return 'user.enabled';
  return EVENT_TYPES[action] ?? action;
}

function groupOf(item: StoredAuditItem): string | undefined {
  if (item.targetType === 'group') return item.targetId;
  for (const image of [item.after, item.before]) {
    const groups = (image as { groups?: unknown } | undefined)?.groups;
    if (groups && typeof groups === 'object') {
      const [first] = Array.isArray(groups) ? groups : Object.keys(groups);
      if (typeof first === 'string') return first;
    }
  }
  return undefined;
}
