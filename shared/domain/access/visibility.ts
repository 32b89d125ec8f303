/**
 * Who may see whom. Pure functions over memberships (groupId → role). A tenant sees only its own
 * people: a caller's view reaches up the tree no higher than the tenant root of their membership,
 * so the bank's staff at `/` stay invisible to tenants, while a membership at `/` sees everything.
 */
import { isWithin, ROOT_GROUP_ID, selfAndAncestors } from '../groupPath.ts';
import { tenantOf } from '../plans.ts';
import type { Memberships } from '../roles.ts';

/**
 * A membership at `groupId` is on one of the caller's branches: at or beneath a caller membership,
 * or on the path above one but within that membership's tenant.
 */
export function isOnCallerBranch(callerMemberships: Memberships, groupId: string): boolean {
  return Object.keys(callerMemberships).some(
    (own) => isWithin(groupId, own) || (isWithin(own, groupId) && isWithin(groupId, tenantOf(own) ?? ROOT_GROUP_ID)),
  );
}

/** The part of a user's memberships the caller may see; memberships in other tenants, and the bank's above a tenant, stay hidden. */
export function visibleMemberships<T>(callerMemberships: Memberships, memberships: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(memberships).filter(([groupId]) => isOnCallerBranch(callerMemberships, groupId)));
}

/** A user is visible in a context when they hold a membership in it, beneath it, or at one of its ancestors. */
export function isVisibleInContext(contextId: string, userGroups: string[]): boolean {
  return userGroups.some((groupId) => isWithin(groupId, contextId) || isWithin(contextId, groupId));
}

/** Visible in the context to this caller: in it or beneath it, or at an ancestor within the caller's view (never above their tenant). */
export function isVisibleToCaller(callerMemberships: Memberships, contextId: string, userGroups: string[]): boolean {
  return userGroups.some(
    (groupId) => isWithin(groupId, contextId) || (isWithin(contextId, groupId) && isOnCallerBranch(callerMemberships, groupId)),
  );
}

/** The ancestors of the context (nearest first) within the caller's view: what `includeParentGroups` may list users of. */
export function ancestorsInView(callerMemberships: Memberships, contextId: string): string[] {
  return selfAndAncestors(contextId)
    .slice(1)
    .filter((groupId) => isOnCallerBranch(callerMemberships, groupId));
}

/** A caller with a membership at `/` sees every group and everyone. */
export const seesEveryone = (callerMemberships: Memberships): boolean => ROOT_GROUP_ID in callerMemberships;

/**
 * The caller sees none of the user's memberships, only invitations from the caller's branches: what
 * they see of that person is built from those invitations alone (a pending invitation reveals nothing).
 */
export function seesOnlyInvitations(
  callerMemberships: Memberships,
  user: { memberships: Record<string, unknown>; pending: Record<string, unknown> },
): boolean {
  return (
    Object.keys(visibleMemberships(callerMemberships, user.memberships)).length === 0 &&
    Object.keys(visibleMemberships(callerMemberships, user.pending)).length > 0
  );
}
