/**
 * Sensitive changes (a new password, a new authenticator) need a fresh proof: the current
 * factor, or a session authenticated in the last five minutes. A token inside the authorizer's
 * cache window whose session has ended meanwhile is refused here, so it can never change anything.
 */
import type { Caller } from '../domain/caller.ts';
import { forbidden, unauthorized } from '../domain/errors.ts';
import { isFreshSession, isLiveSession, type SessionRecord } from '../domain/sessions.ts';
import type { TableRef } from '../store/client.ts';
import { sessionSk } from '../store/keys.ts';
import { findSession } from '../store/sessionStore.ts';
import { getUser } from '../store/userStore.ts';
import { nowOf } from './clock.ts';
import { ACCESS_TOKEN_ONLY } from '../api/contract.ts';

/** The caller's session, read again now (the authorizer's decision may be cached); 401 once it has ended. */
export async function liveSessionOf(deps: { table: TableRef; now?: () => Date }, caller: Caller): Promise<SessionRecord> {
  if (caller.tokenUse !== 'access') throw forbidden(ACCESS_TOKEN_ONLY);
  const ended = () => unauthorized('Your session has ended: log in again');
  if (!caller.sessionId || caller.authTime === undefined) throw ended();
  const [user, session] = await Promise.all([
    getUser(deps.table, caller.email),
    findSession(deps.table, caller.email, sessionSk(caller.authTime, caller.sessionId)),
  ]);
  if (!user || user.state === 'disabled' || !isLiveSession(session, user.createdAt, nowOf(deps).getTime())) throw ended();
  return session!;
}

/** The live session, authenticated in the last five minutes, or 403 naming what else would do. */
export async function freshSessionOf(
  deps: { table: TableRef; now?: () => Date },
  caller: Caller,
  otherwise: string,
): Promise<SessionRecord> {
  const session = await liveSessionOf(deps, caller);
  if (!isFreshSession(session, nowOf(deps).getTime()))
    throw forbidden(`This change needs a fresh proof: ${otherwise}, or log in again (a login in the last 5 minutes counts)`);
  return session;
}
