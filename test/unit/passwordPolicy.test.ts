import { describe, expect, it } from 'vitest';
import { PASSWORD_POLICY, passwordPolicyViolations } from '../../shared/config/passwordPolicy.ts';

describe('passwordPolicyViolations', () => {
  it('finds no violation in a password that meets every rule', () => {
    expect(passwordPolicyViolations('Correct-Horse-9-Battery')).toEqual([]);
  });

  it('names the minimum length when the password is one character too short', () => {
    // Prepare: 11 characters with every character class.
    const password = 'Abcdefgh-1x';

    // Act
    const violations = passwordPolicyViolations(password);

    // Assess
    expect(password).toHaveLength(PASSWORD_POLICY.minLength - 1);
    expect(violations).toEqual([`Password must contain at least ${PASSWORD_POLICY.minLength} characters`]);
  });

  it('accepts a password of exactly the minimum length', () => {
    expect(passwordPolicyViolations('Abcdefgh-12x')).toEqual([]);
  });

  it('names the missing lower-case letter', () => {
    expect(passwordPolicyViolations('CORRECT-HORSE-9')).toEqual(['Password must contain a lower-case letter']);
  });

  it('names the missing upper-case letter', () => {
    expect(passwordPolicyViolations('correct-horse-9')).toEqual(['Password must contain an upper-case letter']);
  });

  it('names the missing digit', () => {
    expect(passwordPolicyViolations('Correct-Horse-X')).toEqual(['Password must contain a digit']);
  });

  it('names the missing symbol', () => {
    expect(passwordPolicyViolations('CorrectHorse99')).toEqual(['Password must contain a symbol']);
  });

  it('names every broken rule at once for the empty password', () => {
    expect(passwordPolicyViolations('')).toEqual([
      'Password must contain at least 12 characters',
      'Password must contain a lower-case letter',
      'Password must contain an upper-case letter',
      'Password must contain a digit',
      'Password must contain a symbol',
    ]);
  });
});
