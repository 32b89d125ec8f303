import { describe, expect, it } from 'vitest';
import type { Access } from '../../shared/api/routeDefinition.ts';
import type { CustomRoleDefinition } from '../../shared/domain/access/permissions.ts';
import type { Caller } from '../../shared/domain/caller.ts';
import type { Memberships } from '../../shared/domain/roles.ts';
import { resolveRole } from '../../shared/domain/roles.ts';
import type { DecisionInputs } from '../../shared/services/access/decisionInputs.ts';
import { guardRoute } from '../../shared/services/access/routeGuard.ts';
import { rejectionOf } from './helpers.ts';

function callerIn(groupContextId: string, memberships: Memberships, mfaEnabled = false): Caller {
  return {
    email: 'ann@acme.com',
    groupContextId,
    contextRole: resolveRole(memberships, groupContextId),
    memberships,
    tokenIssuedAt: 0,
    mfaEnabled,
    tokenUse: 'access',
  };
}

/** Decision inputs held in memory: custom roles by `definedAt|name`, and the groups that require MFA. */
function fakeInputs(roles: CustomRoleDefinition[] = [], mfaGroups: string[] = []): DecisionInputs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    customRoleAt: async (groupId, name) => {
      reads.push(`role ${groupId} ${name}`);
      return roles.find((role) => role.name === name && (groupId === role.definedAt || groupId.startsWith(`${role.definedAt}/`)));
    },
    groupsRequiringMfa: async (groupIds) => {
      reads.push(`mfa ${groupIds.join(',')}`);
      return groupIds.filter((groupId) => mfaGroups.some((mfa) => groupId === mfa || groupId.startsWith(`${mfa}/`)));
    },
  };
}

const adminInContext: Access = { kind: 'action', action: 'iam:groups:create', at: 'context' };
const contributorAtPathGroup: Access = { kind: 'action', action: 'payments:approve', at: { pathParam: 'groupId' } };
const atRoot: Access = { kind: 'action', action: 'iam:tenants:create', at: { group: '/' } };

describe('services/access', () => {
  describe('guardRoute', () => {
    it('lets anyone through a public route', async () => {
      await expect(
        guardRoute(fakeInputs(), { kind: 'public' }, { caller: undefined, params: undefined }),
      ).resolves.toBeUndefined();
    });

    it('lets any caller through an authenticated route, even where MFA is required', async () => {
      // Prepare
      const inputs = fakeInputs([], ['/']);

      // Act / Assess
      await expect(
        guardRoute(inputs, { kind: 'authenticated' }, { caller: callerIn('/', {}), params: undefined }),
      ).resolves.toBeUndefined();
      expect(inputs.reads).toEqual([]);
    });

    it('lets a caller with the required role inherited from an ancestor through', async () => {
      await expect(
        guardRoute(fakeInputs(), adminInContext, { caller: callerIn('/acme/finance', { '/acme': 'admin' }), params: undefined }),
      ).resolves.toBeUndefined();
    });

    it('refuses with 403 a caller whose role in the group context is insufficient', async () => {
      // Prepare
      const caller = callerIn('/acme/finance', { '/acme': 'admin', '/acme/finance': 'contributor' });

      // Act
      const error = await rejectionOf(guardRoute(fakeInputs(), adminInContext, { caller, params: undefined }));

      // Assess
      expect(error.kind).toBe('forbidden');
      expect(error.statusCode).toBe(403);
    });

    it('refuses with 403 a caller with no role at all in the group context', async () => {
      const error = await rejectionOf(
        guardRoute(fakeInputs(), adminInContext, { caller: callerIn('/globex', { '/acme': 'admin' }), params: undefined }),
      );

      expect(error.statusCode).toBe(403);
    });

    it('judges a path-group route by the path group, not by the group context', async () => {
      // Prepare: admin in the context, nothing at the path group.
      const caller = callerIn('/acme', { '/acme': 'admin' });

      // Act
      const error = await rejectionOf(
        guardRoute(fakeInputs(), contributorAtPathGroup, { caller, params: { groupId: '/globex' } }),
      );

      // Assess
      expect(error.statusCode).toBe(404);
      expect(error.message).toBe('Group /globex not found');
    });

    it('answers 403 when the caller can see the path group but lacks the role there', async () => {
      // Prepare: the deeper reader membership decides at /acme/finance/payables.
      const caller = callerIn('/acme', { '/acme': 'admin', '/acme/finance': 'reader' });

      // Act
      const error = await rejectionOf(
        guardRoute(fakeInputs(), contributorAtPathGroup, { caller, params: { groupId: '/acme/finance/payables' } }),
      );

      // Assess
      expect(error.kind).toBe('forbidden');
    });

    it('does not let a membership at a prefix-sharing sibling reach the path group', async () => {
      const error = await rejectionOf(
        guardRoute(fakeInputs(), contributorAtPathGroup, {
          caller: callerIn('/acme', { '/acme': 'admin' }),
          params: { groupId: '/acmex' },
        }),
      );

      expect(error.statusCode).toBe(404);
    });

    it('judges a fixed-group route at that group, naming it', async () => {
      const error = await rejectionOf(
        guardRoute(fakeInputs(), atRoot, { caller: callerIn('/acme', { '/acme': 'admin' }), params: undefined }),
      );

      expect(error.message).toBe('Not allowed to iam:tenants:create: it needs a role at / that allows it');
    });

    it('allows through a custom role whose definition at or above the membership allows the action', async () => {
      // Prepare
      const inputs = fakeInputs([{ name: 'approver', actions: ['payments:*'], definedAt: '/acme' }]);
      const caller = callerIn('/acme', { '/acme/finance': 'approver' });

      // Act / Assess
      await expect(
        guardRoute(inputs, contributorAtPathGroup, { caller, params: { groupId: '/acme/finance/payables' } }),
      ).resolves.toBeUndefined();
      expect(inputs.reads).toContain('role /acme/finance approver');
    });

    it('refuses a custom role that does not allow the action', async () => {
      const inputs = fakeInputs([{ name: 'viewer', actions: ['accounts:read'], definedAt: '/acme' }]);
      const caller = callerIn('/acme', { '/acme': 'viewer' });

      const error = await rejectionOf(guardRoute(inputs, contributorAtPathGroup, { caller, params: { groupId: '/acme' } }));

      expect(error.kind).toBe('forbidden');
    });

    it('refuses a caller without MFA where the group in context requires it, saying how to enrol', async () => {
      // Prepare
      const inputs = fakeInputs([], ['/acme']);

      // Act
      const error = await rejectionOf(
        guardRoute(inputs, adminInContext, { caller: callerIn('/acme/finance', { '/acme': 'admin' }), params: undefined }),
      );

      // Assess
      expect(error.statusCode).toBe(403);
      expect(error.message).toMatch(/^MFA is required in group \/acme\/finance: enrol an authenticator/);
    });

    it('refuses a caller without MFA where only the path group requires it', async () => {
      const inputs = fakeInputs([], ['/acme/finance']);
      const caller = callerIn('/acme', { '/acme': 'admin' });

      const error = await rejectionOf(
        guardRoute(inputs, contributorAtPathGroup, { caller, params: { groupId: '/acme/finance' } }),
      );

      expect(error.message).toMatch(/^MFA is required in group \/acme\/finance/);
    });

    it('lets an enrolled caller through where MFA is required, without reading the requirement', async () => {
      // Prepare
      const inputs = fakeInputs([], ['/']);

      // Act / Assess
      await expect(
        guardRoute(inputs, adminInContext, { caller: callerIn('/acme', { '/acme': 'admin' }, true), params: undefined }),
      ).resolves.toBeUndefined();
      expect(inputs.reads).toEqual([]);
    });

    it('answers a missing role before a missing MFA enrolment', async () => {
      const inputs = fakeInputs([], ['/']);

      const error = await rejectionOf(
        guardRoute(inputs, contributorAtPathGroup, {
          caller: callerIn('/acme', { '/acme': 'admin' }),
          params: { groupId: '/globex' },
        }),
      );

      expect(error.statusCode).toBe(404);
    });
  });
});
