/**
 * Every key shape of the single table. Each item type is declared once in `entities/` (keys,
 * index keys, type tag, fields, expiry); the README's data-model table is generated from there.
 * The builders are re-exported here under the names the store has always used.
 */
export { TABLE_INDEXES, TTL_ATTRIBUTE } from './entities/table.ts';
export { childrenPartition, GROUP_TREE_PARTITION, groupIndexKeys, groupKey } from './entities/groups.ts';
export {
  groupIdFromMembershipSk,
  groupMembershipPrefix,
  MEMBERSHIP_SK_PREFIX,
  MEMBERSHIP_TREE_PARTITION,
  membersPartition,
  membershipIndexKeys,
  membershipKey,
  rootAdminGuardKey,
  subtreeMembershipPrefix,
  USER_PROFILE_SK,
  userKey,
  userPartition,
} from './entities/users.ts';
export { OUTBOX_PARTITION, outboxKey } from './entities/outbox.ts';
export { knownSourceKey, lockoutKey, loginHistoryKey, loginHistoryPartition } from './entities/logins.ts';
export { pendingSignupKey, signupCounterKey } from './entities/signups.ts';
export { roleKey, rolePartition } from './entities/roles.ts';
export { refreshTokenKey, SESSION_SK_PREFIX, sessionKey, sessionSk } from './entities/sessions.ts';
export { auditEventKey, auditLogIndexKeys, auditLogPartition } from './entities/audit.ts';
export { TAG_SEPARATOR, tagUsageKey, tagUsagePartition } from './entities/tags.ts';
