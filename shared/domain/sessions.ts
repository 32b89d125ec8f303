/**
 * Session revocation by time: a user's `sessionsValidAfter` (epoch ms) refuses every token and
 * refresh token issued before it. Token `iat` has whole-second precision, so revocation times
 * are floored to the second: a token issued in the same second just before a revocation
 * survives it (a window under one second), and a login right after a revocation always works.
 */
export function revocationTime(now: Date): number {
  return Math.floor(now.getTime() / 1000) * 1000;
}

/** `issuedAtMs`: when the token was issued, in epoch milliseconds. */
export function isRevoked(issuedAtMs: number, sessionsValidAfter: number | undefined): boolean {
  return issuedAtMs < (sessionsValidAfter ?? 0);
}
