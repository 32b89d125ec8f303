/**
 * Sessions: every token belongs to a login the service opened (`/auth/login`, `/auth/challenge`,
 * the hosted-login callback), identified by the tokens' `origin_jti`. Ending a session deletes
 * its record, so revocation never depends on clock seconds.
 */

/** How the session's user proved who they are. */
export type SessionMethod = 'password' | 'password+totp';

export interface SessionRecord {
  email: string;
  /** The tokens' `origin_jti`. */
  sessionId: string;
  /** The tokens' `auth_time`, epoch seconds. */
  authTime: number;
  openedAt: string;
  lastRefreshedAt: string;
  method: SessionMethod;
  sourceIp?: string;
  userAgent?: string;
  /** Epoch seconds: the refresh token's validity from the login (also the item's TTL). */
  expiresAt: number;
  /** The user profile this session was opened for: a re-created user never inherits older sessions. */
  profileCreatedAt: string;
}

/** A sensitive change needs the current factor, or a session authenticated this recently. */
export const FRESH_SESSION_SECONDS = 300;

/** Live: not expired (TTL deletion is lazy) and opened for this very profile. */
export function isLiveSession(session: SessionRecord | undefined, profileCreatedAt: string, nowMs: number): boolean {
  return session !== undefined && session.expiresAt * 1000 > nowMs && session.profileCreatedAt === profileCreatedAt;
}

/** Authenticated in the last five minutes (refreshing does not renew it). */
export function isFreshSession(session: Pick<SessionRecord, 'openedAt'>, nowMs: number): boolean {
  return nowMs - Date.parse(session.openedAt) <= FRESH_SESSION_SECONDS * 1000;
}
