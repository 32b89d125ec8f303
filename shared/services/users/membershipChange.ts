/**
 * The counter and tag items every membership change carries in its transaction: member counts
 * of groups, user counts of tenants (checked against the plan), use counts of custom roles, and
 * the tag usage of the user where their memberships are.
 */
import { tenantOf } from '../../domain/plans.ts';
import { adjustGroup } from '../../store/groupStore.ts';
import { countRoleUse } from '../../store/roleStore.ts';
import { groupScopes, userScopes, type TagPlacement } from '../../store/tagUsageStore.ts';
import type { TransactItem } from '../../store/transactions.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';

/**
 * Where a user's tags are counted, in this state of the user (as loaded, or as a change leaves it):
 * the profile's at the groups of their active memberships, and each invitation's own at its group,
 * as a new invited user's would be (so the values in use within a tenant never tell whether someone
 * it invited has an account elsewhere).
 */
export const countedTagPlacement = (state: Pick<UserWithMemberships, 'user' | 'memberships' | 'invitations'>): TagPlacement[] => [
  { scopes: userScopes(Object.keys(state.memberships)), tags: state.user.tags ?? {} },
  ...Object.values(state.invitations ?? {}).map((invitation) => ({
    scopes: groupScopes(invitation.groupId),
    tags: invitation.tags ?? {},
  })),
];

/** Use counts of custom roles: -1 for each role a membership stops using, +1 for each it starts using, one item per role. */
export function roleUseUpdates(
  tableName: string,
  stopping: { role: string; source?: string }[],
  starting: { role: string; source?: string }[],
): TransactItem[] {
  const deltas = new Map<string, number>();
  const count = (uses: { role: string; source?: string }[], delta: number) => {
    for (const use of uses)
      if (use.source) deltas.set(`${use.source}|${use.role}`, (deltas.get(`${use.source}|${use.role}`) ?? 0) + delta);
  };
  count(stopping, -1);
  count(starting, 1);
  return [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => {
      const [source, role] = key.split('|') as [string, string];
      return countRoleUse(tableName, source, role, delta);
    });
}

/** The tenants a user belongs to through any of these groups (memberships and invitations). */
const tenantsOf = (groupIds: string[]) => new Set(groupIds.flatMap((groupId) => tenantOf(groupId) ?? []));

/**
 * The group count updates for a membership change, one item per group (a transaction may touch
 * an item once): member counts of the groups gaining or losing a membership, and user counts of
 * the tenants the user joins (checked against the plan's limit) or leaves.
 */
export function membershipCountUpdates(
  tableName: string,
  change: { before: string[]; after: string[]; activeGroup?: string },
): TransactItem[] {
  const deltas = new Map<string, { memberCount?: number; userCount?: number }>();
  const add = (groupId: string, counter: 'memberCount' | 'userCount', delta: number) => {
    const entry = deltas.get(groupId) ?? {};
    entry[counter] = (entry[counter] ?? 0) + delta;
    deltas.set(groupId, entry);
  };
  for (const groupId of change.after) if (!change.before.includes(groupId)) add(groupId, 'memberCount', 1);
  for (const groupId of change.before) if (!change.after.includes(groupId)) add(groupId, 'memberCount', -1);
  const [tenantsBefore, tenantsAfter] = [tenantsOf(change.before), tenantsOf(change.after)];
  for (const tenant of tenantsAfter) if (!tenantsBefore.has(tenant)) add(tenant, 'userCount', 1);
  for (const tenant of tenantsBefore) if (!tenantsAfter.has(tenant)) add(tenant, 'userCount', -1);
  // The group a grant lands in must exist and be active, even when no count changes there.
  if (change.activeGroup && !deltas.has(change.activeGroup)) deltas.set(change.activeGroup, { memberCount: 0 });
  return [...deltas].map(([groupId, delta]) => adjustGroup(tableName, groupId, delta, groupId === change.activeGroup));
}

export function withoutKeys<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}
