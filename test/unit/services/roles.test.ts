import { describe, expect, it } from 'vitest';
import { ACTION_LIMITS } from '../../../shared/domain/access/permissions.ts';
import type { Memberships } from '../../../shared/domain/roles.ts';
import { createRoleBody } from '../../../shared/api/schemas/roles.ts';
import { changeRole, createRole, deleteRole, getRole, listRoles } from '../../../shared/services/roleService.ts';
import { callerIn, fakeDecisionInputs } from './fakes.ts';
import { fakeRoleCatalog, storedRole, type FakeRoleCatalog } from './fakeRoleCatalog.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const depsOf = (roles: FakeRoleCatalog, decisionInputs = fakeDecisionInputs()) => ({ roles, decisionInputs, now: () => NOW });
const asMember = (groupContextId: string, memberships: Memberships) => ({
  caller: callerIn(groupContextId, memberships),
  requestId: 'req-1',
});
const APPROVER = { name: 'payments-approver', actions: ['payments:approve', 'accounts:read'] };

describe('services/roleService', () => {
  describe('createRole', () => {
    it('defines the role at the group in context with its audit event, unused', async () => {
      // Prepare
      const roles = fakeRoleCatalog();

      // Act
      const created = await createRole(depsOf(roles), asMember('/acme', { '/acme': 'admin' }), APPROVER);

      // Assess
      expect(created).toEqual({ ...APPROVER, builtIn: false, definedAt: '/acme', inUse: 0, description: undefined });
      expect(roles.stored.get('/acme|payments-approver')).toMatchObject({
        createdBy: 'ann@acme.com',
        createdAt: NOW.toISOString(),
      });
      expect(roles.audit).toEqual([
        expect.objectContaining({ action: 'role.created', targetType: 'group', targetId: '/acme', requestId: 'req-1' }),
      ]);
    });

    it('refuses a built-in role name with 409 and writes nothing', async () => {
      const roles = fakeRoleCatalog();

      await expect(
        createRole(depsOf(roles), asMember('/acme', { '/acme': 'admin' }), { name: 'reader', actions: ['x:read'] }),
      ).rejects.toMatchObject({ kind: 'conflict', message: 'reader is a built-in role' });
      expect(roles.stored.size).toBe(0);
    });

    it('refuses a role wider than its author: a contributor may not list an iam action (403)', async () => {
      // Prepare
      const roles = fakeRoleCatalog();
      const contributor = asMember('/acme', { '/acme': 'contributor' });

      // Act
      const creating = createRole(depsOf(roles), contributor, { name: 'user-admin', actions: ['iam:users:invite'] });

      // Assess
      await expect(creating).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringContaining('/acme') });
      expect(roles.audit).toEqual([]);
    });

    it('lets a contributor define a role within its own business actions', async () => {
      const roles = fakeRoleCatalog();

      const created = await createRole(depsOf(roles), asMember('/acme', { '/acme': 'contributor' }), APPROVER);

      expect(created.name).toBe('payments-approver');
    });

    it('judges an author holding a custom role by that role: nothing beyond its actions', async () => {
      // Prepare
      const definition = { name: 'payments-lead', actions: ['payments:*'], definedAt: '/acme' };
      const inputs = fakeDecisionInputs([definition]);
      const roles = fakeRoleCatalog([storedRole(definition.name, definition.definedAt, definition.actions)]);
      const lead = asMember('/acme/finance', { '/acme': 'payments-lead' });

      // Act
      const narrower = await createRole(depsOf(roles, inputs), lead, { name: 'payer', actions: ['payments:approve'] });
      const wider = createRole(depsOf(roles, inputs), lead, { name: 'reader-plus', actions: ['accounts:read'] });

      // Assess
      expect(narrower.definedAt).toBe('/acme/finance');
      await expect(wider).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('refuses a name already usable in the group (defined above it) with 409 naming where', async () => {
      const roles = fakeRoleCatalog([storedRole('payments-approver', '/acme', ['payments:approve'])]);

      await expect(createRole(depsOf(roles), asMember('/acme/finance', { '/acme': 'admin' }), APPROVER)).rejects.toMatchObject({
        kind: 'conflict',
        message: 'Role payments-approver is already defined at /acme',
      });
    });

    it('answers a definition that won the race meanwhile with 409', async () => {
      // Prepare
      const roles = fakeRoleCatalog();
      const lookedUp = roles.usableAt;
      roles.usableAt = async (groupId, name) => {
        const found = await lookedUp(groupId, name);
        roles.stored.set(`${groupId}|${name}`, storedRole(name, groupId, ['payments:read']));
        return found;
      };

      // Act
      const creating = createRole(depsOf(roles), asMember('/acme', { '/acme': 'admin' }), APPROVER);

      // Assess
      await expect(creating).rejects.toMatchObject({
        kind: 'conflict',
        message: 'Role payments-approver is already defined at /acme',
      });
      expect(roles.audit).toEqual([]);
    });
  });

  describe('createRoleBody (the limits a definition is held to)', () => {
    it(`refuses more than ${ACTION_LIMITS.maxPatternsPerRole} action patterns and a badly formed name`, () => {
      const tooMany = Array.from({ length: ACTION_LIMITS.maxPatternsPerRole + 1 }, (_, index) => `svc${index}:read`);

      expect(createRoleBody.safeParse({ name: 'many', actions: tooMany }).success).toBe(false);
      expect(createRoleBody.safeParse({ name: 'Bad Name', actions: ['a:read'] }).success).toBe(false);
      expect(createRoleBody.safeParse({ name: 'fine', actions: tooMany.slice(1) }).success).toBe(true);
    });
  });

  describe('listRoles', () => {
    it('lists the built-ins, then the roles defined from the root down to the group, and none from elsewhere', async () => {
      // Prepare
      const roles = fakeRoleCatalog([
        storedRole('finance-clerk', '/acme/finance', ['payments:read']),
        storedRole('acme-auditor', '/acme', ['iam:audit:read'], { useCount: 2 }),
        storedRole('hr-clerk', '/acme/hr', ['people:read']),
      ]);

      // Act
      const listed = await listRoles(depsOf(roles), '/acme/finance');

      // Assess
      expect(listed.map((role) => [role.name, role.builtIn])).toEqual([
        ['reader', true],
        ['contributor', true],
        ['admin', true],
        ['acme-auditor', false],
        ['finance-clerk', false],
      ]);
      expect(listed.find((role) => role.name === 'acme-auditor')).toMatchObject({ definedAt: '/acme', inUse: 2 });
    });
  });

  describe('getRole', () => {
    it('answers a built-in role with its patterns and a custom role usable in the group', async () => {
      const roles = fakeRoleCatalog([storedRole('acme-auditor', '/acme', ['iam:audit:read'])]);

      const admin = await getRole(depsOf(roles), '/acme/finance', 'admin');
      const custom = await getRole(depsOf(roles), '/acme/finance', 'acme-auditor');

      expect(admin).toEqual({ name: 'admin', builtIn: true, actions: ['*'] });
      expect(custom).toMatchObject({ name: 'acme-auditor', builtIn: false, definedAt: '/acme', actions: ['iam:audit:read'] });
    });

    it('answers a role not usable in the group with 404', async () => {
      const roles = fakeRoleCatalog([storedRole('hr-clerk', '/acme/hr', ['people:read'])]);

      await expect(getRole(depsOf(roles), '/acme/finance', 'hr-clerk')).rejects.toMatchObject({ kind: 'not-found' });
    });
  });

  describe('changeRole', () => {
    it('changes the actions where the role is defined, with the before and after in its audit event', async () => {
      // Prepare
      const roles = fakeRoleCatalog([storedRole('clerk', '/acme', ['payments:read'])]);

      // Act
      const changed = await changeRole(depsOf(roles), asMember('/acme', { '/acme': 'admin' }), 'clerk', {
        actions: ['payments:read', 'accounts:read'],
      });

      // Assess
      expect(changed.actions).toEqual(['payments:read', 'accounts:read']);
      expect(roles.stored.get('/acme|clerk')).toMatchObject({ updatedBy: 'ann@acme.com', updatedAt: NOW.toISOString() });
      expect(roles.audit).toEqual([
        expect.objectContaining({
          action: 'role.updated',
          before: expect.objectContaining({ actions: ['payments:read'] }),
          after: expect.objectContaining({ actions: ['payments:read', 'accounts:read'] }),
        }),
      ]);
    });

    it('refuses a change from a group beneath the one that defines it with 404', async () => {
      const roles = fakeRoleCatalog([storedRole('clerk', '/acme', ['payments:read'])]);

      await expect(
        changeRole(depsOf(roles), asMember('/acme/finance', { '/acme': 'admin' }), 'clerk', { description: 'x' }),
      ).rejects.toMatchObject({ kind: 'not-found', message: 'Role clerk is not defined at /acme/finance' });
    });

    it('refuses to change a built-in role with 404', async () => {
      await expect(
        changeRole(depsOf(fakeRoleCatalog()), asMember('/acme', { '/acme': 'admin' }), 'reader', { description: 'x' }),
      ).rejects.toMatchObject({ kind: 'not-found' });
    });

    it('holds the kept actions to the author ceiling too: a contributor cannot touch a role listing iam actions', async () => {
      // Prepare
      const roles = fakeRoleCatalog([storedRole('user-admin', '/acme', ['iam:users:invite'])]);

      // Act
      const changing = changeRole(depsOf(roles), asMember('/acme', { '/acme': 'contributor' }), 'user-admin', {
        description: 'Invites people',
      });

      // Assess
      await expect(changing).rejects.toMatchObject({ kind: 'forbidden' });
      expect(roles.audit).toEqual([]);
    });
  });

  describe('deleteRole', () => {
    it('deletes an unused role with its audit event', async () => {
      const roles = fakeRoleCatalog([storedRole('clerk', '/acme', ['payments:read'])]);

      await deleteRole(depsOf(roles), asMember('/acme', { '/acme': 'admin' }), 'clerk');

      expect(roles.stored.size).toBe(0);
      expect(roles.audit).toEqual([expect.objectContaining({ action: 'role.deleted', targetId: '/acme' })]);
    });

    it('refuses to delete a role in use with 409 naming how many memberships use it', async () => {
      // Prepare
      const roles = fakeRoleCatalog([storedRole('clerk', '/acme', ['payments:read'], { useCount: 3 })]);

      // Act
      const deleting = deleteRole(depsOf(roles), asMember('/acme', { '/acme': 'admin' }), 'clerk');

      // Assess
      await expect(deleting).rejects.toMatchObject({
        kind: 'conflict',
        message: 'Role clerk is in use by 3 membership(s); revoke or change them first',
      });
      expect(roles.stored.has('/acme|clerk')).toBe(true);
      expect(roles.audit).toEqual([]);
    });

    it('answers a role that does not exist with 404', async () => {
      await expect(deleteRole(depsOf(fakeRoleCatalog()), asMember('/acme', { '/acme': 'admin' }), 'ghost')).rejects.toMatchObject(
        { kind: 'not-found' },
      );
    });
  });
});
