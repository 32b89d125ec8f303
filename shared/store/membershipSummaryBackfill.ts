/**
 * The one-off backfill of membership summaries for profiles written before summaries existed
 * (`npm run backfill:summaries`). Each user's summary is built from a strongly consistent read of
 * their partition and written only while their profile's version is unchanged: every membership
 * write moves that version, so a change made meanwhile makes this user's backfill read again.
 */
import type { TableRef } from './client.ts';
import { putMembershipSummary, membershipsOf } from './membershipSummary.ts';
import { subtreeMembershipPrefix } from './entities/users.ts';
import { ConditionFailedError, writeTransaction } from './transactions.ts';
import { userKey } from './entities/users.ts';
import type { TransactItem } from './transactions.ts';
import { loadUserWithMemberships, queryMemberships } from './userStore.ts';

const ATTEMPTS = 5;

/** The profile still at the version read (a profile without a version, never changed by the service, reads as 0). */
function profileUnchanged(tableName: string, email: string, version: number): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: userKey(email),
      ConditionExpression: version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(#version)' : '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ...(version === 0 ? {} : { ExpressionAttributeValues: { ':version': version } }),
    },
  };
}

/** Writes the user's complete summary; false when the user has no profile. */
export async function backfillMembershipSummary(table: TableRef, email: string): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadUserWithMemberships(table, email);
    if (!loaded) return false;
    try {
      await writeTransaction(table, [
        profileUnchanged(table.tableName, email, loaded.version),
        putMembershipSummary(table.tableName, email, membershipsOf(loaded)),
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionFailedError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Every user holding a membership or invitation (read from the membership index, page by page), backfilled one by one. */
export async function backfillMembershipSummaries(
  table: TableRef,
  progress: (users: number) => void = () => {},
): Promise<number> {
  const done = new Set<string>();
  let startKey: Record<string, string> | undefined;
  do {
    const page = await queryMemberships(table, subtreeMembershipPrefix('/'), { limit: 1000, startKey });
    for (const { email } of page.entries) {
      if (done.has(email)) continue;
      done.add(email);
      await backfillMembershipSummary(table, email);
    }
    progress(done.size);
    startKey = page.lastKey;
  } while (startKey);
  return done.size;
}
