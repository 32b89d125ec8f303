/**
 * What never reaches a log line: tokens, passwords, codes, secrets, sessions and cookies, by field
 * name at any depth, and anything shaped like a JWT wherever it appears in a string.
 */
export const REDACTED = '[redacted]';

const SENSITIVE_KEY = /token|password|secret|session|authorization|cookie|verifier|otp|credential|code$/i;
/** Field names that match the pattern above but hold nothing secret. */
const NOT_SECRET = new Set(['statuscode', 'tokenuse']);
/** JWTs (three parts) and Cognito's encrypted refresh tokens (five parts, JWE). */
const JWT_SHAPE = /eyJ[\w-]*(?:\.[\w-]*){1,4}/g;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key) && !NOT_SECRET.has(key.toLowerCase());
}

/** A JSON.stringify replacer, so redaction happens on the way out, whatever a caller passes in. */
export function redactingReplacer(key: string, value: unknown): unknown {
  if (key !== '' && isSensitiveKey(key) && value !== null && value !== undefined && typeof value !== 'boolean') return REDACTED;
  if (typeof value === 'string') return value.replace(JWT_SHAPE, REDACTED);
  if (typeof value === 'bigint') return value.toString();
  return value;
}
