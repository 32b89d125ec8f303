/**
 * Who may manage whom: pure rules over memberships (groupId → role). Managing a user (their state,
 * tags, sessions, memberships) at a group is the `iam:users:update` action there. These rules use
 * the built-in roles only: a custom role never makes its holder a user manager (README, decisions).
 */
import { decide } from './permissions.ts';
import type { Memberships } from '../roles.ts';

export const MANAGE_USERS_ACTION = 'iam:users:update';

/** May manage users at this group. */
export function managesUsersAt(callerMemberships: Memberships, groupId: string): boolean {
  return decide(callerMemberships, groupId, MANAGE_USERS_ACTION).allowed;
}

/**
 * Manages users at every one of these groups (a user's state or tags need this over all their groups).
 * Never vacuously: a user with no membership here is managed by nobody.
 */
export function managesUsersInAll(callerMemberships: Memberships, groupIds: string[]): boolean {
  return groupIds.length > 0 && groupIds.every((groupId) => managesUsersAt(callerMemberships, groupId));
}

/** Manages users at one of these groups at least (a grant to an existing user takes effect at once only then). */
export function managesUsersInAny(callerMemberships: Memberships, groupIds: string[]): boolean {
  return groupIds.some((groupId) => managesUsersAt(callerMemberships, groupId));
}
