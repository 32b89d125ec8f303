import type { MembershipRecord, UserRecord } from '../storedRecords.ts';
import { defineEntity, type ListsEveryField } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** A user's record fields, in the order clients see them. */
export const USER_RECORD_FIELDS = [
  'email',
  'state',
  'defaultGroup',
  'tags',
  'mfaEnabled',
  'emailVerifiedAt',
  'passwordSentToEmail',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
] as const satisfies readonly (keyof UserRecord)[];
const everyUserField: ListsEveryField<UserRecord, typeof USER_RECORD_FIELDS> = true;
void everyUserField;

/** A membership's record fields, in the order clients see them. */
export const MEMBERSHIP_RECORD_FIELDS = [
  'email',
  'groupId',
  'role',
  'roleDefinedAt',
  'status',
  'inviteeState',
  'tags',
  'defaultGroup',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
] as const satisfies readonly (keyof MembershipRecord)[];
const everyMembershipField: ListsEveryField<MembershipRecord, typeof MEMBERSHIP_RECORD_FIELDS> = true;
void everyMembershipField;

/** The profile sorts first in the user's partition (`#` before `M`), so one Query reads it with the memberships. */
export const USER_ENTITY = defineEntity({
  item: 'user',
  type: 'user',
  pk: keyTemplate('USER#<email>'),
  sk: keyTemplate('#PROFILE'),
  fields: [...USER_RECORD_FIELDS, 'version'],
});

/**
 * In `MEMBERSHIPS`, a membership at `/acme/finance` sorts as `/acme/finance/#<email>` (at `/`:
 * `/#<email>`): a subtree's memberships are one `begins_with('/acme/')` range, which `/acmex`
 * does not match, and ancestors sort before descendants.
 */
export const MEMBERSHIP_ENTITY = defineEntity({
  item: 'membership',
  type: 'membership',
  pk: keyTemplate('USER#<email>'),
  sk: keyTemplate('MEMBER#<groupId>'),
  indexes: {
    gsi1: { pk: keyTemplate('MEMBERS#<groupId>'), sk: keyTemplate('<email>') },
    gsi2: { pk: keyTemplate('MEMBERSHIPS'), sk: keyTemplate('<groupPath>/#<email>') },
  },
  fields: MEMBERSHIP_RECORD_FIELDS,
});

/**
 * Beside the profile, every membership and invitation of the user, one attribute per group named
 * as its membership's sort key (`MEMBER#/acme`: the role, and for an invitation what its tenant
 * sees). Each membership write sets or removes its own attribute in its transaction, so concurrent
 * grants never overwrite each other; `complete` says it holds all of them (a new user, or the
 * backfill). A user listing reads it by key with the profile instead of querying the partition.
 */
export const MEMBERSHIP_SUMMARY_ENTITY = defineEntity({
  item: 'membership summary',
  type: 'summary',
  pk: keyTemplate('USER#<email>'),
  sk: keyTemplate('#SUMMARY'),
  fields: ['complete', 'MEMBER#<groupId>'],
});

/** Serialises changes that could leave `/` without an active admin (see services/users/rootAdminGuard.ts). */
export const ROOT_ADMIN_GUARD_ENTITY = defineEntity({
  item: 'root-admin guard',
  type: 'guard',
  pk: keyTemplate('GUARD#ROOT_ADMINS'),
  sk: keyTemplate('GUARD'),
  fields: ['version'],
});

export const userPartition = (email: string) => USER_ENTITY.pk.build({ email });
export const USER_PROFILE_SK = USER_ENTITY.sk.build({});
export const MEMBERSHIP_SK_PREFIX = MEMBERSHIP_ENTITY.sk.build({ groupId: '' });
export const userKey = (email: string) => ({ pk: userPartition(email), sk: USER_PROFILE_SK });
export const membershipSummaryKey = (email: string) => ({
  pk: MEMBERSHIP_SUMMARY_ENTITY.pk.build({ email }),
  sk: MEMBERSHIP_SUMMARY_ENTITY.sk.build({}),
});
export const membershipKey = (email: string, groupId: string) => ({
  pk: MEMBERSHIP_ENTITY.pk.build({ email }),
  sk: MEMBERSHIP_ENTITY.sk.build({ groupId }),
});
export const membersPartition = (groupId: string) => MEMBERSHIP_ENTITY.indexes.gsi1.pk.build({ groupId });
export const MEMBERSHIP_TREE_PARTITION = MEMBERSHIP_ENTITY.indexes.gsi2.pk.build({});
const groupPathOf = (groupId: string) => (groupId === '/' ? '' : groupId);
/** `/acme/finance` → `/acme/finance/`, `/` → `/`: the prefix every membership at or beneath the group starts with. */
export const subtreeMembershipPrefix = (groupId: string) => `${groupPathOf(groupId)}/`;
/** The prefix of the memberships at exactly this group. */
export const groupMembershipPrefix = (groupId: string) =>
  MEMBERSHIP_ENTITY.indexes.gsi2.sk.build({ groupPath: groupPathOf(groupId), email: '' });
export const membershipIndexKeys = (email: string, groupId: string) => ({
  gsi1pk: membersPartition(groupId),
  gsi1sk: MEMBERSHIP_ENTITY.indexes.gsi1.sk.build({ email }),
  gsi2pk: MEMBERSHIP_TREE_PARTITION,
  gsi2sk: MEMBERSHIP_ENTITY.indexes.gsi2.sk.build({ groupPath: groupPathOf(groupId), email }),
});
export const groupIdFromMembershipSk = (sk: string) => sk.slice(MEMBERSHIP_SK_PREFIX.length);

export const rootAdminGuardKey = () => ({ pk: ROOT_ADMIN_GUARD_ENTITY.pk.build({}), sk: ROOT_ADMIN_GUARD_ENTITY.sk.build({}) });
