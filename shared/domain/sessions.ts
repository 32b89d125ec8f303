/**
 * Session revocation by time: a user's `sessionsValidAfter` (epoch ms) refuses every token and
 * refresh token issued before it. Token `iat` has whole-second precision, so ending sessions
 * revokes through the end of the current second: nothing issued before the revocation survives.
 * A login in that same second would be refused too, so login waits out the rest of it (under a
 * second, and only right after a revocation).
 */
export function revocationTime(now: Date): number {
  return (Math.floor(now.getTime() / 1000) + 1) * 1000;
}

/** `issuedAtMs`: when the token was issued, in epoch milliseconds. */
export function isRevoked(issuedAtMs: number, sessionsValidAfter: number | undefined): boolean {
  return issuedAtMs < (sessionsValidAfter ?? 0);
}

/** How long a login must wait so its tokens are not issued inside a revoked second. */
export function waitBeforeIssuing(now: number, sessionsValidAfter: number | undefined): number {
  return Math.max(0, (sessionsValidAfter ?? 0) - now);
}
