/**
 * The rules about users the users services apply: who is visible where the caller acts, who may
 * manage them, and when a grant takes effect at once. Decided here, on the loaded user, by the
 * pure rules of domain/access/; a service never compares roles itself.
 */
import type { Caller } from '../../domain/caller.ts';
import { managesUsersInAll, managesUsersInAny } from '../../domain/access/userManagement.ts';
import { isVisibleToCaller, seesOnlyInvitations, visibleMemberships } from '../../domain/access/visibility.ts';
import { forbidden, notFound } from '../../domain/errors.ts';

/** A user's groups: memberships, and invitations they have not accepted. */
interface UserGroups {
  memberships: Record<string, string>;
  pending: Record<string, string>;
}

/** The user, if the caller may see them in their group context; anyone else is "not found", exactly like an unknown email. */
export function visibleOrNotFound<T extends UserGroups>(caller: Caller, email: string, loaded: T | undefined): T {
  const groups = loaded ? [...Object.keys(loaded.memberships), ...Object.keys(loaded.pending)] : [];
  if (!loaded || (email !== caller.email && !isVisibleToCaller(caller.memberships, caller.groupContextId, groups)))
    throw notFound(`User ${email} not found`);
  return loaded;
}

/**
 * Sessions and login history: your own, or those of a user you manage in every group they belong to
 * (for someone you see only through invitations: every group you invited them to).
 */
export function assertSelfOrManager(caller: Caller, email: string, user: UserGroups): void {
  const groups = seesOnlyInvitations(caller.memberships, user)
    ? Object.keys(visibleMemberships(caller.memberships, user.pending))
    : Object.keys(user.memberships);
  if (email !== caller.email && !managesUsersInAll(caller.memberships, groups)) {
    throw forbidden('Only the user, or an admin of every group they belong to, may do this');
  }
}

export interface ProfileChange {
  password?: unknown;
  state?: unknown;
  defaultGroup?: unknown;
  tags?: unknown;
}

/** Before loading: a password is changed only by its owner, a state only by someone else. The messages are SIF's. */
export function assertChangeAllowedFor(caller: Caller, email: string, change: ProfileChange): void {
  const self = email === caller.email;
  if (change.password !== undefined && !self) throw forbidden('Users may only change their own password');
  // SIF's exact message, part of its contract (grammar included).
  if (change.state !== undefined && self) throw forbidden("User's may only update the state of other user.");
}

/** After loading: state, tags and someone else's default group need a manager of every group the user belongs to. */
export function assertMayChangeProfile(caller: Caller, email: string, user: UserGroups, change: ProfileChange): void {
  const needsManager =
    change.state !== undefined || change.tags !== undefined || (change.defaultGroup !== undefined && email !== caller.email);
  if (needsManager && !managesUsersInAll(caller.memberships, Object.keys(user.memberships)))
    throw forbidden('Only an admin of every group the user belongs to may change their state, tags or default group');
}

/** A grant to an existing user takes effect at once only when the caller manages one of their groups; otherwise it waits for them. */
export function grantTakesEffect(caller: Caller, existing: UserGroups): boolean {
  return managesUsersInAny(caller.memberships, Object.keys(existing.memberships));
}
