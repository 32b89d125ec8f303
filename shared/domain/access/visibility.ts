/**
 * Who may see whom. Pure functions over memberships (groupId → role).
 */
import { isWithin } from '../groupPath.ts';
import type { Memberships } from '../roles.ts';

/** A membership at `groupId` is on one of the caller's branches: at or beneath a caller membership, or on the path above one. */
export function isOnCallerBranch(callerMemberships: Memberships, groupId: string): boolean {
  return Object.keys(callerMemberships).some((own) => isWithin(groupId, own) || isWithin(own, groupId));
}

/** The part of a user's memberships the caller may see; memberships in other tenants stay hidden. */
export function visibleMemberships<T>(callerMemberships: Memberships, memberships: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(memberships).filter(([groupId]) => isOnCallerBranch(callerMemberships, groupId)));
}

/** A user is visible in a context when they hold a membership in it, beneath it, or at one of its ancestors. */
export function isVisibleInContext(contextId: string, userGroups: string[]): boolean {
  return userGroups.some((groupId) => isWithin(groupId, contextId) || isWithin(contextId, groupId));
}

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
