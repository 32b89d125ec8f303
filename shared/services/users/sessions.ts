/** A user's sessions and login history: their own, or those of a user the caller manages in every group. */
import { seesOnlyInvitations } from '../../domain/access/visibility.ts';
import type { Caller } from '../../domain/caller.ts';
import { queryLoginHistory, type LoginAttempt } from '../../store/loginAttemptStore.ts';
import type { SessionRecord } from '../../domain/sessions.ts';
import { listSessions } from '../../store/sessionStore.ts';
import { endOneSession, endSessions } from '../../store/userMutations.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { assertSelfOrManager } from '../access/userRules.ts';
import { loadVisibleUser } from './read.ts';
import type { TableDependencies } from '../tableDependencies.ts';
import { nowOf, type Mutation, type UserDependencies } from './userDependencies.ts';

/** Forbidden for someone you do not manage everywhere; not found when not visible. */
async function loadManagedUser(deps: TableDependencies, caller: Caller, email: string): Promise<UserWithMemberships> {
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
  deps: TableDependencies,
  caller: Caller,
  email: string,
  query: { count: number; fromToken?: string },
): Promise<{ logins: LoginAttempt[]; nextToken?: string }> {
  // Someone known here only through an invitation has logged in nowhere the caller may look.
  if (seesOnlyInvitations(caller.memberships, await loadManagedUser(deps, caller, email))) return { logins: [] };
  const page = await queryLoginHistory(deps.table, email, query.count, query.fromToken);
  return { logins: page.attempts, nextToken: page.nextToken };
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
  deps: TableDependencies,
  caller: Caller,
  email: string,
  query: { count: number; fromToken?: string },
): Promise<{ sessions: SessionView[]; nextToken?: string }> {
  const loaded = await loadManagedUser(deps, caller, email);
  const page = await listSessions(deps.table, email, { ...query, nowMs: nowOf(deps).getTime() });
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
  deps: TableDependencies,
  { caller, requestId }: Mutation,
  email: string,
  sessionId: string,
): Promise<void> {
  await loadManagedUser(deps, caller, email);
  await endOneSession(deps.table, { email, sessionId, actor: caller.email, requestId, now: nowOf(deps) });
}
