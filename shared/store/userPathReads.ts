/**
 * Users as access checks need them, read by key: the profile and the memberships on the paths
 * from the groups checked up to `/`. A batch of checks of many people reads exactly those items,
 * 100 keys per BatchGetItem, instead of one Query of each person's partition.
 */
import { selfAndAncestors } from '../domain/groupPath.ts';
import type { Role } from '../domain/roles.ts';
import { batchGetItems, itemKeyId, type ItemKey } from './batchGet.ts';
import type { TableRef } from './client.ts';
import { membershipKey, userKey } from './keys.ts';
import type { MembershipRecord, UserRecord } from './storedRecords.ts';
import { toMembershipRecord, toUserRecord } from './userStore.ts';

export interface UserOnPaths {
  user: UserRecord;
  /** Memberships on the paths asked about that grant their role. */
  memberships: Record<string, Role>;
  /** Invitations on those paths not accepted yet: they grant nothing. */
  pending: Record<string, Role>;
  /** Those invitations themselves: what an inviting tenant sees of someone who has not accepted. */
  invitations: Record<string, MembershipRecord>;
}

export interface PathsWanted {
  email: string;
  /** Groups checked for this person: each with its ancestors is read. */
  groupIds: string[];
}

const pathGroups = (groupIds: string[]) => [...new Set(groupIds.flatMap(selfAndAncestors))];

export const userOnPathsKeys = ({ email, groupIds }: PathsWanted): ItemKey[] => [
  userKey(email),
  ...pathGroups(groupIds).map((groupId) => membershipKey(email, groupId)),
];

/** Each person found (a profile exists) with their memberships on the paths; people without a profile are absent. */
export async function loadUsersOnPaths(table: TableRef, wanted: PathsWanted[]): Promise<Map<string, UserOnPaths>> {
  const items = await batchGetItems(table, wanted.flatMap(userOnPathsKeys));
  const found = new Map<string, UserOnPaths>();
  for (const { email, groupIds } of wanted) {
    const profile = items.get(itemKeyId(userKey(email)));
    if (!profile) continue;
    const loaded: UserOnPaths = { user: toUserRecord(profile), memberships: {}, pending: {}, invitations: {} };
    for (const groupId of pathGroups(groupIds)) {
      const membership = items.get(itemKeyId(membershipKey(email, groupId)));
      if (!membership) continue;
      (membership.status === 'pending' ? loaded.pending : loaded.memberships)[groupId] = membership.role as Role;
      if (membership.status === 'pending') loaded.invitations[groupId] = toMembershipRecord(membership);
    }
    found.set(email, loaded);
  }
  return found;
}
