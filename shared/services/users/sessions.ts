/** A user's sessions and login history: their own, or those of a user the caller manages in every group. */
import { seesOnlyInvitations } from '../../domain/access/visibility.ts';
import type { Caller } from '../../domain/caller.ts';
import { queryLoginHistory, type LoginAttempt } from '../../store/loginAttemptStore.ts';
import { endSessions } from '../../store/userMutations.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { assertSelfOrManager } from '../access/userRules.ts';
import { loadVisibleUser } from './read.ts';
import { nowOf, type Mutation, type UserDependencies } from './userDependencies.ts';

/** Forbidden for someone you do not manage everywhere; not found when not visible. */
async function loadManagedUser(deps: UserDependencies, caller: Caller, email: string): Promise<UserWithMemberships> {
  const loaded = await loadVisibleUser(deps, caller, email);
  assertSelfOrManager(caller, email, loaded);
  return loaded;
}

/** Ends every session of the user at once (their tokens fail at the next uncached decision). */
export async function endUserSessions(deps: UserDependencies, { caller, requestId }: Mutation, email: string): Promise<void> {
  // Someone known here only through an invitation has no session here to end.
  if (seesOnlyInvitations(caller.memberships, await loadManagedUser(deps, caller, email))) return;
  await endSessions(deps.table, {
    email,
    actor: caller.email,
    action: 'session.ended',
    requestId,
    now: nowOf(deps),
  });
  await deps.identity.signOutEverywhere(email);
}

export async function getLoginHistory(
  deps: UserDependencies,
  caller: Caller,
  email: string,
  query: { count: number; fromToken?: string },
): Promise<{ logins: LoginAttempt[]; nextToken?: string }> {
  // Someone known here only through an invitation has logged in nowhere the caller may look.
  if (seesOnlyInvitations(caller.memberships, await loadManagedUser(deps, caller, email))) return { logins: [] };
  const page = await queryLoginHistory(deps.table, email, query.count, query.fromToken);
  return { logins: page.attempts, nextToken: page.nextToken };
}
