/**
 * The membership summary item (`MEMBERSHIP_SUMMARY_ENTITY`): written in the transaction of every
 * membership or invitation change, read by user listings instead of a Query of each partition.
 */
import type { Role } from '../domain/roles.ts';
import { compact } from '../domain/sparse.ts';
import { MEMBERSHIP_SK_PREFIX, MEMBERSHIP_SUMMARY_ENTITY, membershipSummaryKey } from './entities/users.ts';
import type { MembershipRecord } from './storedRecords.ts';
import type { TransactItem } from './transactions.ts';
import type { UserWithMemberships } from './userStore.ts';

/** What the summary keeps of one membership: its role; of an invitation, also what its tenant sees. */
type SummaryEntry = Pick<MembershipRecord, 'role' | 'roleDefinedAt'> & Partial<Omit<MembershipRecord, 'email' | 'groupId'>>;

/** The attribute of a group's entry: the sort key of its membership item. */
const entryAttribute = (groupId: string) => `${MEMBERSHIP_SK_PREFIX}${groupId}`;

function entryOf(membership: MembershipRecord): SummaryEntry {
  if (membership.status !== 'pending') return compact({ role: membership.role, roleDefinedAt: membership.roleDefinedAt });
  return compact({ ...membership, email: undefined, groupId: undefined });
}

export interface SummaryChange {
  /** Memberships and invitations written (as stored: `status: 'pending'` for an invitation). */
  set?: readonly MembershipRecord[];
  /** Groups whose membership or invitation is deleted. */
  remove?: readonly string[];
}

/**
 * Sets or removes the changed groups' attributes alone, never the whole summary, so two grants to
 * one user at once both stay. On a profile written before summaries existed it creates an item
 * that is not `complete`, which listings do not trust until the backfill.
 */
export function membershipSummaryUpdate(tableName: string, email: string, change: SummaryChange): TransactItem {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': MEMBERSHIP_SUMMARY_ENTITY.type };
  const sets = ['#type = :type'];
  const removes: string[] = [];
  (change.set ?? []).forEach((membership, i) => {
    names[`#s${i}`] = entryAttribute(membership.groupId);
    values[`:s${i}`] = entryOf(membership);
    sets.push(`#s${i} = :s${i}`);
  });
  (change.remove ?? []).forEach((groupId, i) => {
    names[`#r${i}`] = entryAttribute(groupId);
    removes.push(`#r${i}`);
  });
  return {
    Update: {
      TableName: tableName,
      Key: membershipSummaryKey(email),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The complete summary of these memberships (a new user's, or the backfill's): replaces any item left before. */
export function putMembershipSummary(tableName: string, email: string, memberships: readonly MembershipRecord[]): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...membershipSummaryKey(email),
        type: MEMBERSHIP_SUMMARY_ENTITY.type,
        complete: true,
        ...Object.fromEntries(memberships.map((membership) => [entryAttribute(membership.groupId), entryOf(membership)])),
      },
    },
  };
}

/** Goes with the profile when the user is deleted. */
export function deleteMembershipSummary(tableName: string, email: string): TransactItem {
  return { Delete: { TableName: tableName, Key: membershipSummaryKey(email) } };
}

export type SummarizedMemberships = Pick<UserWithMemberships, 'memberships' | 'pending' | 'roleSources' | 'invitations'>;

/** The user's memberships as `loadUserWithMemberships` gives them, or undefined when the summary is missing or not complete. */
export function summarizedMemberships(
  email: string,
  item: Record<string, unknown> | undefined,
): SummarizedMemberships | undefined {
  if (item?.complete !== true) return undefined;
  const summary: SummarizedMemberships = { memberships: {}, pending: {}, roleSources: {}, invitations: {} };
  for (const [attribute, value] of Object.entries(item)) {
    if (!attribute.startsWith(MEMBERSHIP_SK_PREFIX)) continue;
    const groupId = attribute.slice(MEMBERSHIP_SK_PREFIX.length);
    const entry = value as SummaryEntry;
    const role: Role = entry.role;
    if (entry.status === 'pending') {
      summary.pending[groupId] = role;
      summary.invitations![groupId] = { email, groupId, ...entry } as MembershipRecord;
    } else summary.memberships[groupId] = role;
    if (entry.roleDefinedAt) summary.roleSources[groupId] = entry.roleDefinedAt;
  }
  return summary;
}

/** The membership items of a loaded user, as the summary needs them. */
export function membershipsOf(loaded: UserWithMemberships): MembershipRecord[] {
  const email = loaded.user.email;
  const source = (groupId: string) => (loaded.roleSources[groupId] ? { roleDefinedAt: loaded.roleSources[groupId] } : {});
  return [
    ...Object.entries(loaded.memberships).map(
      ([groupId, role]) => ({ email, groupId, role, ...source(groupId) }) as MembershipRecord,
    ),
    ...Object.entries(loaded.pending).map(
      ([groupId, role]) =>
        loaded.invitations?.[groupId] ?? ({ email, groupId, role, status: 'pending', ...source(groupId) } as MembershipRecord),
    ),
  ];
}
