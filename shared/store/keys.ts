/**
 * Every key shape of the single table, in one place.
 *
 * | item            | pk                    | sk                  | gsi1pk                | gsi1sk   | gsi2pk  | gsi2sk   |
 * |-----------------|-----------------------|---------------------|-----------------------|----------|---------|----------|
 * | group           | GROUP#<id>            | GROUP               | CHILDREN#<parentId>   | <id>     | TREE    | <id>     |
 * | user            | USER#<email>          | #PROFILE            |                       |          |         |          |
 * | membership      | USER#<email>          | MEMBER#<groupId>    | MEMBERS#<groupId>     | <email>  | MEMBERSHIPS | <group path>/#<email> |
 * | refresh token   | REFRESH#<sha256>      | REFRESH             |                       |          |         |          |
 * | audit event     | AUDIT#<type>#<id>     | <iso time>#<uuid>   |                       |          |         |          |
 * | lockout         | LOCKOUT#<account|ip>#<subject> | LOCKOUT  |                       |          |         |          |
 * | custom role     | ROLE#<groupId>        | <name>              |                       |          |         |          |
 * | login attempt   | LOGINS#<email>        | <iso time>#<uuid>   |                       |          |         |          |
 * | tag usage       | TAGUSE#<type>#<groupId>#<key> | <parent>␟<value> |                 |          |         |          |
 * | pending sign-up | SIGNUP#<email>        | SIGNUP              |                       |          |         |          |
 * | session         | USER#<email>          | SESSION#<auth_time>#<origin_jti> |          |          |         |          |
 * | sign-up counter | SIGNUPS#ip#<ip>       | <hour window start> |                       |          |         |          |
 *
 * The user's profile and memberships share a partition, and `#` sorts before `M`,
 * so the authorizer reads both with one Query.
 *
 * In `MEMBERSHIPS`, a membership at `/acme/finance` sorts as `/acme/finance/#<email>`: every
 * membership of a subtree is one `begins_with('/acme/')` range (which `/acmex` does not match),
 * a group's own members are `begins_with('/acme/#')`, and ancestors sort before descendants.
 *
 * Tag usage items count, for every group, how many resources in its subtree (itself included)
 * carry each tag value, so `GET /tags/{key}` is one Query of one partition, page by page.
 * `␟` is the unit separator U+001F, which tag values may not contain.
 */
export const TABLE_INDEXES = {
  byParent: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  byTree: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
} as const;

export const TTL_ATTRIBUTE = 'expiresAt';

export const GROUP_TREE_PARTITION = 'TREE';
export const childrenPartition = (parentId: string) => `CHILDREN#${parentId}`;
export const membersPartition = (groupId: string) => `MEMBERS#${groupId}`;

export const groupKey = (id: string) => ({ pk: `GROUP#${id}`, sk: 'GROUP' });
export const groupIndexKeys = (id: string, parentId: string | undefined) => ({
  ...(parentId === undefined ? {} : { gsi1pk: childrenPartition(parentId), gsi1sk: id }),
  gsi2pk: GROUP_TREE_PARTITION,
  gsi2sk: id,
});

export const userPartition = (email: string) => `USER#${email}`;
export const USER_PROFILE_SK = '#PROFILE';
export const MEMBERSHIP_SK_PREFIX = 'MEMBER#';
export const userKey = (email: string) => ({ pk: userPartition(email), sk: USER_PROFILE_SK });
export const membershipKey = (email: string, groupId: string) => ({
  pk: userPartition(email),
  sk: `${MEMBERSHIP_SK_PREFIX}${groupId}`,
});
export const MEMBERSHIP_TREE_PARTITION = 'MEMBERSHIPS';
/** `/acme/finance` → `/acme/finance/`, `/` → `/`: the prefix every membership at or beneath the group starts with. */
export const subtreeMembershipPrefix = (groupId: string) => (groupId === '/' ? '/' : `${groupId}/`);
/** The prefix of the memberships at exactly this group. */
export const groupMembershipPrefix = (groupId: string) => `${subtreeMembershipPrefix(groupId)}#`;
export const membershipIndexKeys = (email: string, groupId: string) => ({
  gsi1pk: membersPartition(groupId),
  gsi1sk: email,
  gsi2pk: MEMBERSHIP_TREE_PARTITION,
  gsi2sk: `${groupMembershipPrefix(groupId)}${email}`,
});
export const groupIdFromMembershipSk = (sk: string) => sk.slice(MEMBERSHIP_SK_PREFIX.length);

export const OUTBOX_PARTITION = 'OUTBOX';
export const outboxKey = (at: string, messageId: string) => ({ pk: OUTBOX_PARTITION, sk: `${at}#${messageId}` });

/** Serialises changes that could leave `/` without an active admin (see services/users/rootAdminGuard.ts). */
export const rootAdminGuardKey = () => ({ pk: 'GUARD#ROOT_ADMINS', sk: 'GUARD' });

/**
 * Failed-login counters and lockouts, per account (`email`) and per source IP. An account's
 * failures from one of its known sources count apart, under `<email>#<ip>`.
 */
export const lockoutKey = (scope: 'account' | 'ip', subject: string) => ({ pk: `LOCKOUT#${scope}#${subject}`, sk: 'LOCKOUT' });
/** A source IP the account's owner logged in from successfully (IPs never contain `#`). */
export const knownSourceKey = (email: string, ip: string) => ({ pk: `LOCKOUT#known#${email}#${ip}`, sk: 'LOCKOUT' });

/** Login history: every attempt on a known account, newest last in key order. */
export const loginHistoryPartition = (email: string) => `LOGINS#${email}`;
export const loginHistoryKey = (email: string, at: string, attemptId: string) => ({
  pk: loginHistoryPartition(email),
  sk: `${at}#${attemptId}`,
});

/** A business sign-up awaiting its email confirmation (its business name), and sign-ups counted per source IP per hour. */
export const pendingSignupKey = (email: string) => ({ pk: `SIGNUP#${email}`, sk: 'SIGNUP' });
export const signupCounterKey = (ip: string, windowStart: string) => ({ pk: `SIGNUPS#ip#${ip}`, sk: windowStart });

/** Custom roles, by the group that defines them. */
export const rolePartition = (groupId: string) => `ROLE#${groupId}`;
export const roleKey = (groupId: string, name: string) => ({ pk: rolePartition(groupId), sk: name });

/**
 * A login session, in its user's partition so the authorizer's one Query reads it with the profile
 * and memberships. The sort key starts with the login time (10-digit epoch seconds), so the
 * sessions of a user list newest first in key order.
 */
export const SESSION_SK_PREFIX = 'SESSION#';
export const sessionSk = (authTime: number, sessionId: string) =>
  `${SESSION_SK_PREFIX}${String(authTime).padStart(10, '0')}#${sessionId}`;
export const sessionKey = (email: string, authTime: number, sessionId: string) => ({
  pk: userPartition(email),
  sk: sessionSk(authTime, sessionId),
});

export const refreshTokenKey = (tokenHash: string) => ({ pk: `REFRESH#${tokenHash}`, sk: 'REFRESH' });

export const auditEventKey = (targetType: string, targetId: string, at: string, eventId: string) => ({
  pk: `AUDIT#${targetType}#${targetId}`,
  sk: `${at}#${eventId}`,
});

export const TAG_SEPARATOR = '\u001f';
export const tagUsagePartition = (resourceType: string, groupId: string, key: string) =>
  `TAGUSE#${resourceType}#${groupId}#${key}`;
export const tagUsageKey = (resourceType: string, groupId: string, key: string, parent: string, value: string) => ({
  pk: tagUsagePartition(resourceType, groupId, key),
  sk: `${parent}${TAG_SEPARATOR}${value}`,
});
