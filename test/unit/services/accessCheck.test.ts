import { describe, expect, it } from 'vitest';
import { selfAndAncestors } from '../../../shared/domain/groupPath.ts';
import { checkAll, effectivePermissions, type CheckDependencies } from '../../../shared/services/access/check.ts';
import type { PathsWanted, UserOnPaths } from '../../../shared/store/userPathReads.ts';
import type { UserWithMemberships } from '../../../shared/store/userStore.ts';
import { rejectionOf } from '../helpers.ts';
import { callerIn, fakeDecisionInputs, storedUser } from './fakes.ts';

/** Keeps only what the key reads return: the memberships on the paths asked about. */
const onPaths = (user: UserWithMemberships, groupIds: string[]): UserOnPaths => {
  const path = new Set(groupIds.flatMap(selfAndAncestors));
  const keep = (memberships: Record<string, string>) =>
    Object.fromEntries(Object.entries(memberships).filter(([groupId]) => path.has(groupId)));
  return { user: user.user, memberships: keep(user.memberships), pending: keep(user.pending), invitations: {} };
};

function dependencies(
  users: UserWithMemberships[],
  inputs = fakeDecisionInputs(),
): CheckDependencies & { loads: PathsWanted[][] } {
  const loads: PathsWanted[][] = [];
  return {
    loads,
    inputs,
    loadUsersOnPaths: async (wanted) => {
      loads.push(wanted);
      const found = wanted.flatMap(({ email, groupIds }) => {
        const user = users.find((candidate) => candidate.user.email === email);
        return user ? [[email, onPaths(user, groupIds)] as const] : [];
      });
      return new Map(found);
    },
  };
}

const admin = callerIn('/acme', { '/acme': 'admin' });
/** Checking others is refused without MFA where the groups involved require it: an admin who has enrolled. */
const enrolledAdmin = callerIn('/acme', { '/acme': 'admin' }, { mfaEnabled: true });

describe('services/access/check', () => {
  describe('checkAll', () => {
    it('decides a check of yourself from your own memberships, reading no user', async () => {
      // Prepare
      const deps = dependencies([]);

      // Act
      const [decision] = await checkAll(deps, callerIn('/acme/finance', { '/acme': 'contributor' }), [
        { action: 'payments:approve' },
      ]);

      // Assess
      expect(decision).toEqual({
        allowed: true,
        role: 'contributor',
        grantedAt: '/acme',
        reason: 'contributor at /acme allows payments:approve',
      });
      expect(deps.loads).toEqual([]);
    });

    it('loads everyone checked in one read, each once, with the groups checked for them', async () => {
      // Prepare
      const deps = dependencies([
        storedUser('bob@acme.com', { '/acme/finance': 'reader' }),
        storedUser('cy@acme.com', { '/acme': 'contributor' }),
      ]);

      // Act
      const decisions = await checkAll(deps, admin, [
        { action: 'accounts:read', email: 'bob@acme.com', groupId: '/acme/finance' },
        { action: 'payments:approve', email: 'bob@acme.com', groupId: '/acme/finance/ap' },
        { action: 'payments:approve', email: 'cy@acme.com' },
      ]);

      // Assess
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, false, true]);
      expect(decisions[1]!.reason).toBe('reader at /acme/finance does not allow payments:approve');
      expect(deps.loads).toEqual([
        [
          { email: 'bob@acme.com', groupIds: ['/acme/finance', '/acme/finance/ap'] },
          { email: 'cy@acme.com', groupIds: ['/acme'] },
        ],
      ]);
    });

    it('answers someone visible elsewhere but with no membership on the path like someone unknown', async () => {
      // Prepare
      const deps = dependencies([storedUser('bob@acme.com', { '/acme/finance': 'reader' })]);

      // Act
      const [elsewhere, unknown] = await checkAll(deps, admin, [
        { action: 'accounts:read', email: 'bob@acme.com', groupId: '/acme/hr' },
        { action: 'accounts:read', email: 'nobody@acme.com', groupId: '/acme/hr' },
      ]);

      // Assess
      expect(elsewhere).toEqual(unknown);
      expect(elsewhere).toEqual({ allowed: false, role: null, grantedAt: null, reason: 'No such user where you act' });
    });

    it('refuses to check someone else without iam:users:read where the caller acts', async () => {
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'reader' })]);

      // A role beneath the context does not reach the context itself.
      const error = await rejectionOf(
        checkAll(deps, callerIn('/acme', { '/acme/finance': 'admin' }), [{ action: 'accounts:read', email: 'bob@acme.com' }]),
      );

      expect(error.kind).toBe('forbidden');
    });

    it('answers someone outside the context exactly like someone unknown', async () => {
      // Prepare
      const deps = dependencies([storedUser('eve@globex.com', { '/globex': 'admin' })]);

      // Act
      const [hidden, unknown] = await checkAll(deps, admin, [
        { action: 'accounts:read', email: 'eve@globex.com' },
        { action: 'accounts:read', email: 'nobody@acme.com' },
      ]);

      // Assess
      expect(hidden).toEqual(unknown);
      expect(hidden).toEqual({ allowed: false, role: null, grantedAt: null, reason: 'No such user where you act' });
    });

    it('denies a disabled user whatever their role allows', async () => {
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'admin' }, { state: 'disabled' })]);

      const [decision] = await checkAll(deps, admin, [{ action: 'accounts:read', email: 'bob@acme.com' }]);

      expect(decision).toMatchObject({ allowed: false, role: 'admin', reason: 'The user is disabled' });
    });

    it('denies where MFA is required and the user has not enrolled, reading the requirement only where the role may allow', async () => {
      // Prepare
      const inputs = fakeDecisionInputs([], ['/acme/finance']);
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'contributor' })], inputs);

      // Act
      const [finance, hr, iam] = await checkAll(deps, enrolledAdmin, [
        { action: 'payments:approve', email: 'bob@acme.com', groupId: '/acme/finance' },
        { action: 'payments:approve', email: 'bob@acme.com', groupId: '/acme/hr' },
        { action: 'iam:users:invite', email: 'bob@acme.com', groupId: '/acme/finance/ap' },
      ]);

      // Assess
      expect(finance).toMatchObject({
        allowed: false,
        reason: 'MFA is required in group /acme/finance and the user has not enrolled',
      });
      expect(hr!.allowed).toBe(true);
      expect(iam!.reason).toBe('contributor at /acme does not allow iam:users:invite');
      expect(inputs.reads).toEqual(['mfa /acme/finance,/acme/hr']);
    });

    it('allows an enrolled user where MFA is required, reading no requirement', async () => {
      const inputs = fakeDecisionInputs([], ['/']);
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'reader' }, { mfaEnabled: true })], inputs);

      const [decision] = await checkAll(deps, enrolledAdmin, [{ action: 'accounts:read', email: 'bob@acme.com' }]);

      expect(decision!.allowed).toBe(true);
      expect(inputs.reads).toEqual([]);
    });

    it('answers a check of someone else at a group outside the caller’s reach exactly like an unknown email', async () => {
      // Prepare: bob belongs to /acme and to /bloom; the caller reads users in /acme only
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'reader', '/bloom': 'admin' })]);

      // Act
      const [inBloom, unknown, inAcme] = await checkAll(deps, admin, [
        { action: 'accounts:read', email: 'bob@acme.com', groupId: '/bloom' },
        { action: 'accounts:read', email: 'nobody@acme.com', groupId: '/bloom' },
        { action: 'accounts:read', email: 'bob@acme.com', groupId: '/acme' },
      ]);

      // Assess
      expect(inBloom).toEqual(unknown);
      expect(inBloom).toEqual({ allowed: false, role: null, grantedAt: null, reason: 'No such user where you act' });
      expect(inAcme).toMatchObject({ allowed: true, role: 'reader' });
    });

    it('refuses a caller without MFA checking someone else where the groups involved require it', async () => {
      // Prepare
      const inputs = fakeDecisionInputs([], ['/acme']);
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'reader' })], inputs);

      // Act
      const error = await rejectionOf(checkAll(deps, admin, [{ action: 'accounts:read', email: 'bob@acme.com' }]));
      const [self] = await checkAll(deps, admin, [{ action: 'accounts:read' }]);

      // Assess
      expect(error).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('MFA is required in group /acme') });
      expect(self).toMatchObject({ role: 'admin' });
    });

    it('asks the MFA requirement only of groups within the caller’s reach', async () => {
      // Prepare: /bloom requires MFA, but it is not the caller's to know
      const inputs = fakeDecisionInputs([], ['/bloom']);
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'reader', '/bloom': 'admin' })], inputs);

      // Act
      const [decision] = await checkAll(deps, admin, [{ action: 'accounts:read', email: 'bob@acme.com', groupId: '/bloom' }]);

      // Assess
      expect(decision!.reason).toBe('No such user where you act');
      expect(inputs.reads).toEqual(['mfa /acme']);
    });

    it('decides a custom role by the definition nearest above the membership', async () => {
      // Prepare
      const inputs = fakeDecisionInputs([
        { name: 'approver', actions: ['payments:approve'], definedAt: '/acme' },
        { name: 'approver', actions: ['accounts:read'], definedAt: '/' },
      ]);
      const deps = dependencies([storedUser('bob@acme.com', { '/acme/finance': 'approver' })], inputs);

      // Act
      const [approve, read] = await checkAll(deps, admin, [
        { action: 'payments:approve', email: 'bob@acme.com', groupId: '/acme/finance' },
        { action: 'accounts:read', email: 'bob@acme.com', groupId: '/acme/finance' },
      ]);

      // Assess
      expect(approve!.allowed).toBe(true);
      expect(read!.allowed).toBe(false);
    });
  });

  describe('effectivePermissions', () => {
    it('lists the patterns of the role that decides at the group', async () => {
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'reader' })]);

      const permissions = await effectivePermissions(deps, admin, 'bob@acme.com', '/acme/finance');

      expect(permissions).toEqual({
        email: 'bob@acme.com',
        groupId: '/acme/finance',
        role: 'reader',
        grantedAt: '/acme',
        actions: ['*:read', '*:list', '(except iam:audit:*)'],
      });
    });

    it('lists a custom role’s own patterns', async () => {
      const inputs = fakeDecisionInputs([{ name: 'approver', actions: ['payments:*'], definedAt: '/acme' }]);
      const deps = dependencies([storedUser('bob@acme.com', { '/acme': 'approver' })], inputs);

      const permissions = await effectivePermissions(deps, admin, 'bob@acme.com', '/acme');

      expect(permissions.actions).toEqual(['payments:*']);
    });

    it('answers not found where the user has no membership on the path, as for someone unknown', async () => {
      const deps = dependencies([storedUser('bob@acme.com', { '/acme/hr': 'reader' })]);

      const error = await rejectionOf(effectivePermissions(deps, admin, 'bob@acme.com', '/acme/finance'));

      expect(error.statusCode).toBe(404);
    });

    it('answers not found for someone not visible where the caller acts', async () => {
      const deps = dependencies([storedUser('eve@globex.com', { '/globex': 'admin' })]);

      const error = await rejectionOf(effectivePermissions(deps, admin, 'eve@globex.com', '/globex'));

      expect(error.statusCode).toBe(404);
    });
  });
});
