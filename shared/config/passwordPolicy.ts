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

export interface PasswordRules {
  minLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireDigits: boolean;
  requireSymbols: boolean;
}

/**
 * Local stacks only: `IAM_LOCAL_PASSWORD_POLICY` (JSON, the fields of PasswordRules) lets the SIF
 * conformance run enforce the policy SIF's scenarios assume. Deployed functions never have it, and
 * Cognito enforces PASSWORD_POLICY there in any case.
 */
function enforcedRules(): PasswordRules {
  // Honoured only beside the emulator (COGNITO_ENDPOINT is set by the local stack alone).
  const local = process.env.COGNITO_ENDPOINT ? process.env.IAM_LOCAL_PASSWORD_POLICY : undefined;
  return local ? { ...PASSWORD_POLICY, ...(JSON.parse(local) as Partial<PasswordRules>) } : PASSWORD_POLICY;
}

const rulesOf = (policy: PasswordRules): { rule: string; applies: boolean; test: (password: string) => boolean }[] => [
  { rule: `at least ${policy.minLength} characters`, applies: true, test: (p) => p.length >= policy.minLength },
  { rule: 'a lower-case letter', applies: policy.requireLowercase, test: (p) => /[a-z]/.test(p) },
  { rule: 'an upper-case letter', applies: policy.requireUppercase, test: (p) => /[A-Z]/.test(p) },
  { rule: 'a digit', applies: policy.requireDigits, test: (p) => /[0-9]/.test(p) },
  { rule: 'a symbol', applies: policy.requireSymbols, test: (p) => /[^a-zA-Z0-9]/.test(p) },
];

/** The rules a password breaks, as readable phrases; empty when it satisfies the policy. */
export function passwordPolicyViolations(password: string): string[] {
  return rulesOf(enforcedRules())
    .filter((r) => r.applies && !r.test(password))
    .map((r) => `Password must contain ${r.rule}`);
}

/** A random password that satisfies the policy: used for generated temporary and local admin passwords. */
export function generatePassword(): string {
  // 24 random characters, then one of each required class.
  return `${randomBytes(18).toString('base64url')}-Aa1!`;
}
