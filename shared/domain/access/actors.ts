/**
 * Who made or changed something (`createdBy`, `updatedBy`), as a caller may see them. A person
 * the caller cannot see is shown as NEUTRAL_ACTOR: the bank's staff at `/` to a tenant, or
 * someone who acted from another tenant on a user the two share.
 *
 * A person is shown when they hold a membership at the thing's group, or above it within the
 * caller's view: whoever could change something there holds such a membership, unless their
 * right came from outside the caller's view. Actors that are not emails (`installer`, `system`,
 * `signup`) name nobody and are shown as they are.
 */
import { isWithin, selfAndAncestors } from '../groupPath.ts';
import type { Memberships } from '../roles.ts';
import { isOnCallerBranch, seesEveryone } from './visibility.ts';

export const NEUTRAL_ACTOR = 'bank';

const namesPerson = (actor: string): boolean => actor.includes('@');

/** The actor needs looking up only when it names someone else and the caller does not see everyone. */
export function actorNeedsLookup(
  caller: { email: string; memberships: Memberships },
  actor: string | undefined,
): actor is string {
  return actor !== undefined && namesPerson(actor) && actor !== caller.email && !seesEveryone(caller.memberships);
}

/** The groups where a membership of the actor shows them to the caller, for something at `groups`: each one and its ancestors in view. */
export function vouchingGroups(callerMemberships: Memberships, groups: readonly string[]): string[] {
  const inView = groups.filter((groupId) => isOnCallerBranch(callerMemberships, groupId));
  return [...new Set(inView.flatMap((groupId) => selfAndAncestors(groupId)))].filter((groupId) =>
    isOnCallerBranch(callerMemberships, groupId),
  );
}

/** The actor as shown: themselves when one of their memberships vouches for them, else the neutral value. */
export function presentActor(
  caller: { email: string; memberships: Memberships },
  actor: string | undefined,
  groups: readonly string[],
  actorMembershipAt: (groupId: string) => boolean,
): string | undefined {
  if (!actorNeedsLookup(caller, actor)) return actor;
  return vouchingGroups(caller.memberships, groups).some(actorMembershipAt) ? actor : NEUTRAL_ACTOR;
}

/** Where a response object lives, for the actor rule: a role where it is defined, a user at their groups, a group at itself, an audit event where it happened. */
export function locationOf(view: Record<string, unknown>, contextId: string): string[] {
  if (typeof view.definedAt === 'string') return [view.definedAt];
  if (typeof view.groups === 'object' && view.groups !== null && !Array.isArray(view.groups)) return Object.keys(view.groups);
  if (typeof view.id === 'string' && isWithin(view.id, '/')) return [view.id];
  if (typeof view.groupId === 'string' && isWithin(view.groupId, '/')) return [view.groupId];
  return [contextId];
}
