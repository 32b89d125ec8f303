/**
 * Users as access checks need them, read by key: the profile and the membership summary (one item
 * holding every membership), of which the memberships on the paths from the groups checked up to
 * `/` are kept. A batch of checks of many people reads two items a person, 100 keys per
 * BatchGetItem, instead of one Query of each person's partition. A person whose summary is missing
 * or not complete (written before summaries, not yet backfilled) has the membership items on those
 * paths read by key instead, in one more batch.
 */
import { selfAndAncestors } from '../domain/groupPath.ts';
import type { Role } from '../domain/roles.ts';
import { batchGetItems, itemKeyId, type ItemKey } from './batchGet.ts';
import type { TableRef } from './client.ts';
import { membershipSummaryKey } from './entities/users.ts';
import { membershipKey, userKey } from './keys.ts';
import { summarizedMemberships, type SummarizedMemberships } from './membershipSummary.ts';
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

const pathMembershipKeys = ({ email, groupIds }: PathsWanted): ItemKey[] =>
  pathGroups(groupIds).map((groupId) => membershipKey(email, groupId));

/** Each person found (a profile exists) with their memberships on the paths; people without a profile are absent. */
export async function loadUsersOnPaths(table: TableRef, wanted: PathsWanted[]): Promise<Map<string, UserOnPaths>> {
  const items = await batchGetItems(
    table,
    wanted.flatMap(({ email }) => [userKey(email), membershipSummaryKey(email)]),
  );
  const people = wanted.flatMap(({ email, groupIds }) => {
    const profile = items.get(itemKeyId(userKey(email)));
    if (!profile) return [];
    return [
      { email, groupIds, profile, summary: summarizedMemberships(email, items.get(itemKeyId(membershipSummaryKey(email)))) },
    ];
  });
  const unsummarized = people.filter((person) => !person.summary);
  const membershipItems =
    unsummarized.length > 0 ? await batchGetItems(table, unsummarized.flatMap(pathMembershipKeys)) : undefined;
  const found = new Map<string, UserOnPaths>();
  for (const { email, groupIds, profile, summary } of people) {
    const loaded: UserOnPaths = { user: toUserRecord(profile), memberships: {}, pending: {}, invitations: {} };
    for (const groupId of pathGroups(groupIds)) {
      const membership = summary
        ? summarizedMembership(summary, email, groupId)
        : storedMembership(membershipItems?.get(itemKeyId(membershipKey(email, groupId))));
      if (!membership) continue;
      if (membership.status === 'pending') {
        loaded.pending[groupId] = membership.role as Role;
        loaded.invitations[groupId] = membership;
      } else loaded.memberships[groupId] = membership.role as Role;
    }
    found.set(email, loaded);
  }
  return found;
}

function summarizedMembership(summary: SummarizedMemberships, email: string, groupId: string): MembershipRecord | undefined {
  const role = summary.memberships[groupId];
  return summary.invitations?.[groupId] ?? (role ? ({ email, groupId, role } as MembershipRecord) : undefined);
}

const storedMembership = (item: Record<string, unknown> | undefined) => (item ? toMembershipRecord(item) : undefined);
