import { randomBytes } from 'node:crypto';

/** The one place the password policy is defined: CDK applies it to the user pool, the service enforces it itself. */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
} as const;

const RULES: { rule: string; applies: boolean; test: (password: string) => boolean }[] = [
  { rule: `at least ${PASSWORD_POLICY.minLength} characters`, applies: true, test: (p) => p.length >= PASSWORD_POLICY.minLength },
  { rule: 'a lower-case letter', applies: PASSWORD_POLICY.requireLowercase, test: (p) => /[a-z]/.test(p) },
  { rule: 'an upper-case letter', applies: PASSWORD_POLICY.requireUppercase, test: (p) => /[A-Z]/.test(p) },
  { rule: 'a digit', applies: PASSWORD_POLICY.requireDigits, test: (p) => /[0-9]/.test(p) },
  { rule: 'a symbol', applies: PASSWORD_POLICY.requireSymbols, test: (p) => /[^a-zA-Z0-9]/.test(p) },
];

/** The rules a password breaks, as readable phrases; empty when it satisfies the policy. */
export function passwordPolicyViolations(password: string): string[] {
  return RULES.filter((r) => r.applies && !r.test(password)).map((r) => `Password must contain ${r.rule}`);
}

/** A random password that satisfies the policy: used for generated temporary and local admin passwords. */
export function generatePassword(): string {
  // 24 random characters, then one of each required class.
  return `${randomBytes(18).toString('base64url')}-Aa1!`;
}
