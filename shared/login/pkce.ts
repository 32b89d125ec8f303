/** PKCE (RFC 7636, S256) and the OAuth `state` for the hosted login flow. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: a 43-character verifier, the RFC's minimum length and plenty of entropy. */
export function createVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function createState(): string {
  return randomBytes(24).toString('base64url');
}

export function sameState(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
