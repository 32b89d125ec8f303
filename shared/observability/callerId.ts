import { createHash } from 'node:crypto';

/**
 * An opaque, stable id for a caller: the same person gets the same id in every log line and
 * every function, without their email appearing. A pseudonym, not anonymity: whoever holds a
 * candidate email can compute its id, which is what an investigation needs.
 */
export function opaqueCallerId(email: string): string {
  return `u-${createHash('sha256').update(`sme-iam:${email.toLowerCase()}`).digest('hex').slice(0, 16)}`;
}
