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
