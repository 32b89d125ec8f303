/**
 * The users a listing page shows, with all their memberships: each one's profile and membership
 * summary by key (BatchGetItem, 100 keys a call, sent together), whatever the page size. A profile
 * whose summary is missing or not complete (written before summaries existed, not yet backfilled)
 * is read with the Query of its partition instead, for that user only.
 */
import { batchGetItems, itemKeyId } from './batchGet.ts';
import type { TableRef } from './client.ts';
import { membershipSummaryKey, userKey } from './entities/users.ts';
import { summarizedMemberships } from './membershipSummary.ts';
import { loadUserWithMemberships, toUserRecord, type UserWithMemberships } from './userStore.ts';

/** By email; an email without a profile is absent. */
export async function loadListedUsers(table: TableRef, emails: readonly string[]): Promise<Map<string, UserWithMemberships>> {
  const distinct = [...new Set(emails)];
  const items = await batchGetItems(
    table,
    distinct.flatMap((email) => [userKey(email), membershipSummaryKey(email)]),
  );
  const loaded = await Promise.all(
    distinct.map(async (email): Promise<[string, UserWithMemberships | undefined]> => {
      const profile = items.get(itemKeyId(userKey(email)));
      if (!profile) return [email, undefined];
      const summary = summarizedMemberships(email, items.get(itemKeyId(membershipSummaryKey(email))));
      if (!summary) return [email, await loadUserWithMemberships(table, email)];
      return [email, { user: toUserRecord(profile), version: Number(profile.version ?? 0), ...summary }];
    }),
  );
  return new Map(loaded.filter((entry): entry is [string, UserWithMemberships] => entry[1] !== undefined));
}
