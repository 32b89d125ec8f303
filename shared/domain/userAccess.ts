/**
 * Who may see and manage whom. Pure functions over memberships (groupId → role).
 */
import { isWithin } from './groupPath.ts';
import { decide } from './permissions.ts';
import type { Memberships } from './roles.ts';

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

/** May manage users (their state, tags, memberships) at this group: the `iam:users:update` action. */
export function isAdminOf(callerMemberships: Memberships, groupId: string): boolean {
  return decide(callerMemberships, groupId, 'iam:users:update').allowed;
}

/** Changing a user's state or tags needs admin rights over every group they belong to. */
export function isAdminOfAll(callerMemberships: Memberships, groupIds: string[]): boolean {
  return groupIds.every((groupId) => isAdminOf(callerMemberships, groupId));
}
