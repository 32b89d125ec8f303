/** A user's sessions and login history: their own, or those of a user the caller manages in every group. */
import { seesOnlyInvitations } from '../../domain/access/visibility.ts';
import type { Caller } from '../../domain/caller.ts';
import type { LoginAttempt } from '../../store/loginAttemptStore.ts';
import type { SessionRecord } from '../../domain/sessions.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { assertSelfOrManager } from '../access/userRules.ts';
import { loadVisibleUser } from './read.ts';
import type { UserReadDependencies } from './userReadDependencies.ts';
import { nowOf, type Mutation, type UserDependencies } from './userDependencies.ts';

/** Forbidden for someone you do not manage everywhere; not found when not visible. */
async function loadManagedUser(deps: UserReadDependencies, caller: Caller, email: string): Promise<UserWithMemberships> {
  const loaded = await loadVisibleUser(deps, caller, email);
  assertSelfOrManager(caller, email, loaded);
  return loaded;
}

/** Ends every session of the user at once (their tokens fail at the next uncached decision). */
export async function endUserSessions(deps: UserDependencies, { caller, requestId }: Mutation, email: string): Promise<void> {
  // Someone known here only through an invitation has no session here to end.
  if (seesOnlyInvitations(caller.memberships, await loadManagedUser(deps, caller, email))) return;
  await deps.users.endSessions({
    email,
    actor: caller.email,
    action: 'session.ended',
    requestId,
    now: nowOf(deps),
  });
  await deps.identity.signOutEverywhere(email);
}

export async function getLoginHistory(
  deps: UserReadDependencies,
  caller: Caller,
  email: string,
  query: { count: number; fromToken?: string },
): Promise<{ logins: LoginAttempt[]; nextToken?: string }> {
  // Someone known here only through an invitation has logged in nowhere the caller may look.
  if (seesOnlyInvitations(caller.memberships, await loadManagedUser(deps, caller, email))) return { logins: [] };
  return deps.users.loginHistory(email, query);
}

export interface SessionView {
  sessionId: string;
  openedAt: string;
  lastRefreshedAt: string;
  method: SessionRecord['method'];
  sourceIp?: string;
  userAgent?: string;
  expiresAt: string;
  current?: true;
}

/** The user's live sessions, newest login first; the caller's own is marked `current`. */
export async function listUserSessions(
  deps: UserReadDependencies,
  caller: Caller,
  email: string,
  query: { count: number; fromToken?: string },
): Promise<{ sessions: SessionView[]; nextToken?: string }> {
  const loaded = await loadManagedUser(deps, caller, email);
  const page = await deps.users.sessions(email, { ...query, nowMs: nowOf(deps).getTime() });
  const sessions = page.sessions
    // Sessions of an earlier profile of the same email are dead: the authorizer refuses them.
    .filter((session) => session.profileCreatedAt === loaded.user.createdAt)
    .map((session): SessionView => ({
      sessionId: session.sessionId,
      openedAt: session.openedAt,
      lastRefreshedAt: session.lastRefreshedAt,
      method: session.method,
      ...(session.sourceIp ? { sourceIp: session.sourceIp } : {}),
      ...(session.userAgent ? { userAgent: session.userAgent } : {}),
      expiresAt: new Date(session.expiresAt * 1000).toISOString(),
      ...(email === caller.email && session.sessionId === caller.sessionId ? { current: true as const } : {}),
    }));
  return { sessions, nextToken: page.nextToken };
}

/** Ends one session of the user (its tokens fail at the next uncached decision). */
export async function endUserSession(
  deps: UserReadDependencies,
  { caller, requestId }: Mutation,
  email: string,
  sessionId: string,
): Promise<void> {
  await loadManagedUser(deps, caller, email);
  await deps.users.endSession({ email, sessionId, actor: caller.email, requestId, now: nowOf(deps) });
}
