/** Reading one user: someone visible where the caller acts, or the caller themselves. */
import type { Caller } from '../../domain/caller.ts';
import { notFound } from '../../domain/errors.ts';
import { resolveRole } from '../../domain/roles.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { visibleOrNotFound } from '../access/userRules.ts';
import { presentUser, type MeView, type UserView } from './present.ts';
import type { UserReadDependencies } from './userReadDependencies.ts';

/** Loads a user the caller may see in their group context; anyone else is "not found", exactly like an unknown email. */
export async function loadVisibleUser(deps: UserReadDependencies, caller: Caller, email: string): Promise<UserWithMemberships> {
  return visibleOrNotFound(caller, email, await deps.users.user(email));
}

export async function getUserView(deps: UserReadDependencies, caller: Caller, email: string): Promise<UserView> {
  const loaded = await loadVisibleUser(deps, caller, email);
  return presentUser(loaded, email === caller.email ? 'self' : caller);
}

export async function getMe(deps: UserReadDependencies, caller: Caller): Promise<MeView> {
  const loaded = await deps.users.user(caller.email);
  if (!loaded) throw notFound(`User ${caller.email} not found`);
  return {
    ...presentUser(loaded, 'self'),
    invitations: loaded.pending,
    groupContextId: caller.groupContextId,
    role: resolveRole(loaded.memberships, caller.groupContextId) ?? null,
  };
}
