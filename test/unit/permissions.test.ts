import { describe, expect, it } from 'vitest';
import {
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
    expect(roleActionPatterns('reader', '/')).toEqual(['*:read', '*:list']);
    expect(roleActionPatterns('approver', '/acme/finance', lookup)).toEqual(['payments:approve']);
  });
});
