import { describe, expect, it } from 'vitest';
import { grantExisting } from '../../../../shared/services/users/grant.ts';
import { fakeUserDirectory, membershipRecord, storedGroup, userRecord } from '../fakeUserDirectory.ts';
import { asCaller, NOW, userDependencies } from './userTestDependencies.ts';

const at = NOW.toISOString();
const acmeAdmin = asCaller('ann@acme.com', '/acme', { '/acme': 'admin' });
const approver = { name: 'approver', actions: ['payments:approve'], definedAt: '/acme' };

/** Bob, a reader of /acme/finance; the custom role `approver` defined at /acme. */
function directory() {
  return fakeUserDirectory({
    groups: [storedGroup('/acme', { userCount: 1 }), storedGroup('/acme/finance', { memberCount: 1 })],
    users: [
      {
        user: userRecord('bob@acme.com', { defaultGroup: '/acme/finance', emailVerifiedAt: at }),
        memberships: [membershipRecord('bob@acme.com', '/acme/finance', 'reader')],
      },
    ],
    roles: [{ ...approver, useCount: 0, createdBy: 'ann@acme.com', createdAt: at }],
  });
}

describe('services/users/grant', () => {
  describe('grantExisting', () => {
    it('grants a custom role at once, counting its use where it is defined, and answers with the user as the caller sees them', async () => {
      // Prepare
      const users = directory();
      const deps = userDependencies(users, { roles: [approver] });
      const bob = (await users.user('bob@acme.com'))!;

      // Act
      const view = await grantExisting(
        deps,
        acmeAdmin,
        { email: 'bob@acme.com', role: 'approver', defaultGroup: '/acme' },
        bob,
        '/acme',
      );

      // Assess
      expect(view).toMatchObject({
        groups: { '/acme': 'approver', '/acme/finance': 'reader' },
        defaultGroup: '/acme',
        updatedBy: 'ann@acme.com',
      });
      expect(users.memberships.get('bob@acme.com')?.get('/acme')).toMatchObject({ role: 'approver', roleDefinedAt: '/acme' });
      expect(users.roles[0]!.useCount).toBe(1);
      expect(users.groups.get('/acme')).toMatchObject({ memberCount: 1, userCount: 1 });
      expect(users.audit).toEqual([
        expect.objectContaining({ action: 'membership.granted', after: { groups: { '/acme': 'approver' } } }),
      ]);
    });

    it('moves the use count when a custom role is replaced by a built-in one', async () => {
      const users = directory();
      users.memberships
        .get('bob@acme.com')!
        .set('/acme', membershipRecord('bob@acme.com', '/acme', 'approver', { roleDefinedAt: '/acme' }));
      users.roles[0]!.useCount = 1;

      await grantExisting(
        userDependencies(users),
        acmeAdmin,
        { email: 'bob@acme.com', role: 'reader' },
        (await users.user('bob@acme.com'))!,
        undefined,
      );

      expect(users.roles[0]!.useCount).toBe(0);
      expect(users.audit[0]).toMatchObject({
        before: { groups: { '/acme': 'approver' } },
        after: { groups: { '/acme': 'reader' } },
      });
    });

    it('refuses a default group outside the user’s groups with 404, writing nothing', async () => {
      const users = directory();

      await expect(
        grantExisting(
          userDependencies(users),
          acmeAdmin,
          { email: 'bob@acme.com', role: 'reader', defaultGroup: '/globex' },
          (await users.user('bob@acme.com'))!,
          undefined,
        ),
      ).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('Default group /globex') });
      expect(users.audit).toEqual([]);
    });

    it('waits as a pending grant for someone the caller manages none of the groups of', async () => {
      const users = directory();
      const globexAdmin = asCaller('gus@globex.com', '/globex', { '/globex': 'admin' });
      users.groups.set('/globex', storedGroup('/globex'));

      const view = await grantExisting(
        userDependencies(users),
        globexAdmin,
        { email: 'bob@acme.com', role: 'reader' },
        (await users.user('bob@acme.com'))!,
        undefined,
      );

      expect(users.memberships.get('bob@acme.com')?.get('/globex')?.status).toBe('pending');
      expect(users.profiles.get('bob@acme.com')?.user.defaultGroup).toBe('/acme/finance');
      expect(users.audit[0]).toMatchObject({ action: 'membership.invited', after: { status: 'pending' } });
      expect(view.state).toBe('invited');
    });

    it('refuses to demote the last active admin of / with 409, and demotes one while another active admin remains', async () => {
      // Prepare
      const rootAdmin = (email: string, state: 'active' | 'disabled' = 'active') => ({
        user: userRecord(email, { state, emailVerifiedAt: at }),
        memberships: [membershipRecord(email, '/', 'admin')],
      });
      const alone = fakeUserDirectory({ users: [rootAdmin('root@bank.example'), rootAdmin('off@bank.example', 'disabled')] });
      const paired = fakeUserDirectory({ users: [rootAdmin('root@bank.example'), rootAdmin('two@bank.example')] });
      const bankAdmin = asCaller('two@bank.example', '/', { '/': 'admin' });
      const demotion = { email: 'root@bank.example', role: 'reader' };

      // Act
      const refused = await grantExisting(
        userDependencies(alone),
        bankAdmin,
        demotion,
        (await alone.user('root@bank.example'))!,
        undefined,
      ).catch((error: unknown) => error);
      await grantExisting(userDependencies(paired), bankAdmin, demotion, (await paired.user('root@bank.example'))!, undefined);

      // Assess
      expect(refused).toMatchObject({ kind: 'conflict', message: 'This would leave / without an active admin' });
      expect(alone.memberships.get('root@bank.example')?.get('/')?.role).toBe('admin');
      expect(paired.memberships.get('root@bank.example')?.get('/')?.role).toBe('reader');
      expect(paired.rootAdminGuard).toBe(1);
    });

    it('fails with the directory’s condition error when the guard moved since it was read, so the use case decides again', async () => {
      const users = fakeUserDirectory({
        users: ['root@bank.example', 'two@bank.example'].map((email) => ({
          user: userRecord(email),
          memberships: [membershipRecord(email, '/', 'admin')],
        })),
      });
      users.beforeApply = () => users.rootAdminGuard++;

      await expect(
        grantExisting(
          userDependencies(users),
          asCaller('two@bank.example', '/', { '/': 'admin' }),
          { email: 'root@bank.example', role: 'reader' },
          (await users.user('root@bank.example'))!,
          undefined,
        ),
      ).rejects.toMatchObject({ name: 'ConditionFailedError' });
    });
  });
});
