import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  decide,
  matchesPattern,
  roleActionPatterns,
  roleAllows,
  type CustomRoleDefinition,
} from '../../shared/domain/access/permissions.ts';

describe('matchesPattern', () => {
  it.each([
    ['payments:*', 'payments:approve', true],
    ['payments:*', 'payments:batch:approve', true],
    ['payments:*', 'paymentsx:approve', false],
    ['*:read', 'iam:users:read', true],
    ['*:read', 'accounts:reader', false],
    ['*', 'anything:at:all', true],
    ['accounts:read', 'accounts:read', true],
    ['accounts:read', 'accounts:read:all', false],
  ])('%s matches %s: %s', (pattern, action, expected) => {
    expect(matchesPattern(pattern, action)).toBe(expected);
  });
});

describe('compilePattern', () => {
  /** The meaning of a pattern, as a regular expression: only here, as the oracle on tiny inputs. */
  const oracle = (pattern: string, action: string) =>
    new RegExp(
      `^${pattern
        .split(':')
        .map((segment) => (segment === '*' ? '[a-z]+(?::[a-z]+)*' : segment))
        .join(':')}$`,
    ).test(action);
  const words = (alphabet: string[], maxLength: number): string[][] => {
    const all: string[][] = [[]];
    for (let length = 1; length <= maxLength; length++)
      for (const prefix of all.filter((word) => word.length === length - 1))
        for (const letter of alphabet) all.push([...prefix, letter]);
    return all.filter((word) => word.length > 0);
  };

  it('agrees with the regular-expression meaning on every pattern of up to 4 segments and action of up to 5', () => {
    const patterns = words(['a', 'b', '*'], 4).map((word) => word.join(':'));
    const actions = words(['a', 'b'], 5).map((word) => word.join(':'));
    const disagreements: string[] = [];

    for (const pattern of patterns) {
      const matches = compilePattern(pattern);
      for (const action of actions)
        if (matches(action.split(':')) !== oracle(pattern, action)) disagreements.push(`${pattern} vs ${action}`);
    }

    expect(disagreements).toEqual([]);
  });

  it('lets * take one or more segments, never none', () => {
    expect(matchesPattern('payments:*', 'payments')).toBe(false);
    expect(matchesPattern('*:*:*', 'a:b')).toBe(false);
    expect(matchesPattern('*:*:*', 'a:b:c:d:e')).toBe(true);
  });

  it('answers a pattern of stars against an action it cannot match without trying every split', () => {
    const pattern = Array.from({ length: 8 }, () => '*').join(':');
    const action = Array.from({ length: 7 }, () => 'x'.repeat(17)).join(':');

    expect(compilePattern(pattern)(action.split(':'))).toBe(false);
    expect(compilePattern(`${pattern}:z`)([...action.split(':'), 'x'])).toBe(false);
  });
});

describe('built-in roles', () => {
  it('lets readers read only', () => {
    expect(roleAllows('reader', 'accounts:read', '/')).toBe(true);
    expect(roleAllows('reader', 'reports:list', '/')).toBe(true);
    expect(roleAllows('reader', 'payments:approve', '/')).toBe(false);
  });

  it('lets contributors do business actions and read IAM, but not change IAM', () => {
    expect(roleAllows('contributor', 'payments:approve', '/')).toBe(true);
    expect(roleAllows('contributor', 'iam:users:read', '/')).toBe(true);
    expect(roleAllows('contributor', 'iam:users:invite', '/')).toBe(false);
  });

  it('lets admins do everything', () => {
    expect(roleAllows('admin', 'iam:tenants:create', '/')).toBe(true);
  });
});

describe('decide', () => {
  const approver: CustomRoleDefinition = { name: 'approver', actions: ['payments:approve'], definedAt: '/acme' };
  const lookup = (name: string, membershipGroup: string) =>
    name === 'approver' && membershipGroup.startsWith('/acme') ? approver : undefined;

  it('lets the deepest membership decide and names it', () => {
    const decision = decide({ '/acme': 'admin', '/acme/finance': 'reader' }, '/acme/finance/ap', 'payments:approve');

    expect(decision).toEqual({
      allowed: false,
      role: 'reader',
      grantedAt: '/acme/finance',
      reason: 'reader at /acme/finance does not allow payments:approve',
    });
  });

  it('refuses where no membership covers the group', () => {
    expect(decide({ '/acme': 'admin' }, '/globex', 'accounts:read')).toMatchObject({
      allowed: false,
      role: null,
      grantedAt: null,
    });
  });

  it('uses a custom role’s actions through the lookup, and nothing else', () => {
    expect(decide({ '/acme/finance': 'approver' }, '/acme/finance', 'payments:approve', lookup).allowed).toBe(true);
    expect(decide({ '/acme/finance': 'approver' }, '/acme/finance', 'payments:refund', lookup).allowed).toBe(false);
    expect(decide({ '/acme/finance': 'approver' }, '/acme/finance', 'payments:approve').allowed).toBe(false);
  });

  it('lists a role’s action patterns', () => {
    expect(roleActionPatterns('reader', '/')).toEqual(['*:read', '*:list', '(except iam:audit:*)']);
    expect(roleActionPatterns('approver', '/acme/finance', lookup)).toEqual(['payments:approve']);
  });
});

describe('reading the audit trail', () => {
  it('is allowed to admins and to custom roles that name it, not to built-in readers or contributors', () => {
    // Prepare
    const lookup = (name: string) =>
      name === 'auditor' ? { name: 'auditor', actions: ['iam:audit:read'], definedAt: '/acme' } : undefined;
    const roles = ['admin', 'auditor', 'reader', 'contributor'];

    // Act
    const allowed = roles.map((role) => decide({ '/acme': role }, '/acme', 'iam:audit:read', lookup).allowed);

    // Assess
    expect(allowed).toEqual([true, true, false, false]);
    expect(decide({ '/acme': 'reader' }, '/acme', 'iam:users:read').allowed).toBe(true);
  });
});
