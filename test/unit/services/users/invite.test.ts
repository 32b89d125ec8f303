import { describe, expect, it } from 'vitest';
import { inviteUser } from '../../../../shared/services/users/invite.ts';
import { fakeUserDirectory, membershipRecord, storedGroup, userRecord } from '../fakeUserDirectory.ts';
import { asCaller, NOW, userDependencies } from './userTestDependencies.ts';

const acmeAdmin = () => asCaller('ann@acme.com', '/acme', { '/acme': 'admin' });
const at = NOW.toISOString();
/** Acme (room for 5 users, Ann counted) and Globex, where Eve is an admin who proved her address. */
const directory = (acme: Parameters<typeof storedGroup>[1] = {}) =>
  fakeUserDirectory({
    groups: [
      storedGroup('/acme', { userLimit: 5, userCount: 1, ...acme }),
      storedGroup('/acme/finance'),
      storedGroup('/acme/closed', { state: 'disabled' }),
      storedGroup('/globex', { userCount: 1 }),
    ],
    users: [
      {
        user: userRecord('ann@acme.com', { emailVerifiedAt: at }),
        memberships: [membershipRecord('ann@acme.com', '/acme', 'admin')],
      },
      {
        user: userRecord('eve@globex.com', { emailVerifiedAt: at }),
        memberships: [membershipRecord('eve@globex.com', '/globex', 'admin')],
      },
    ],
  });

describe('services/users/invite', () => {
  describe('inviteUser', () => {
    it('makes a new email an invited member with its audit event, and has Cognito email the password after the commit', async () => {
      // Prepare
      const users = directory();
      const deps = userDependencies(users);

      // Act
      const view = await inviteUser(deps, acmeAdmin(), { email: 'bob@acme.com', role: 'reader', tags: { team: 'ops' } });

      // Assess
      expect(view).toEqual({
        email: 'bob@acme.com',
        state: 'invited',
        groups: { '/acme': 'reader' },
        defaultGroup: '/acme',
        tags: { team: 'ops' },
        createdBy: 'ann@acme.com',
        createdAt: at,
      });
      expect(users.profiles.get('bob@acme.com')?.user).toMatchObject({ state: 'invited', passwordSentToEmail: true });
      expect(users.memberships.get('bob@acme.com')?.get('/acme')).toMatchObject({ role: 'reader', createdBy: 'ann@acme.com' });
      expect(users.groups.get('/acme')).toMatchObject({ memberCount: 1, userCount: 2 });
      expect(users.tagPlacements.get('bob@acme.com')?.[0]).toEqual({
        scopes: expect.arrayContaining(['/acme']),
        tags: { team: 'ops' },
      });
      expect(users.audit).toEqual([
        expect.objectContaining({ action: 'user.invited', targetId: 'bob@acme.com', requestId: 'req-1' }),
      ]);
      expect(users.log).toEqual(['commit user.invited', 'cognito createUser bob@acme.com']);
    });

    it('does not count an inviter-chosen password as proof of the address', async () => {
      const users = directory();
      const deps = userDependencies(users);

      await inviteUser(deps, acmeAdmin(), { email: 'bob@acme.com', role: 'reader', password: 'Chosen-Passw0rd!' });

      expect(users.profiles.get('bob@acme.com')?.user.passwordSentToEmail).toBeUndefined();
      expect(deps.identity.passwords.get('bob@acme.com')).toBe('Chosen-Passw0rd!');
    });

    it('checks in one fixed order: the password, then the role, then the group', async () => {
      // Prepare
      const deps = userDependencies(directory());
      const elsewhere = asCaller('ann@acme.com', '/gone', { '/': 'admin' });

      // Act and Assess: each request fails at the first check it does not pass
      await expect(
        inviteUser(deps, elsewhere, { email: 'eve@globex.com', role: 'nobody', password: 'short' }),
      ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('Password must') });
      await expect(inviteUser(deps, elsewhere, { email: 'eve@globex.com', role: 'nobody' })).rejects.toMatchObject({
        kind: 'invalid',
        message: expect.stringContaining('Role nobody'),
      });
      await expect(inviteUser(deps, elsewhere, { email: 'eve@globex.com', role: 'reader' })).rejects.toMatchObject({
        kind: 'not-found',
        message: 'Group /gone not found',
      });
    });

    it('refuses a group that is disabled with 409, and a default group beneath the context that does not exist with 404', async () => {
      const deps = userDependencies(directory());
      const closed = asCaller('ann@acme.com', '/acme/closed', { '/acme': 'admin' });

      await expect(inviteUser(deps, closed, { email: 'bob@acme.com', role: 'reader' })).rejects.toMatchObject({
        kind: 'conflict',
      });
      await expect(
        inviteUser(deps, acmeAdmin(), { email: 'bob@acme.com', role: 'reader', defaultGroup: '/acme/nowhere' }),
      ).rejects.toMatchObject({ kind: 'not-found', message: 'Group /acme/nowhere not found' });
      expect(deps.users.audit).toEqual([]);
    });

    it('refuses a grant above the granter: a role allowing what the caller may not do there', async () => {
      // Prepare
      const inviterRole = { name: 'inviter', actions: ['iam:users:*'], definedAt: '/acme' };
      const users = directory();
      const deps = userDependencies(users, { roles: [inviterRole] });
      users.roles.push({ ...inviterRole, useCount: 1, createdBy: 'ann@acme.com', createdAt: at });
      const inviter = asCaller('ian@acme.com', '/acme', { '/acme': 'inviter' });

      // Act and Assess
      await expect(inviteUser(deps, inviter, { email: 'bob@acme.com', role: 'admin' })).rejects.toMatchObject({
        kind: 'forbidden',
        message: expect.stringContaining('Not allowed to grant admin'),
      });
      expect(users.profiles.has('bob@acme.com')).toBe(false);
    });

    it('refuses a new user in a full tenant with 409 naming the plan, yet grants to someone the tenant already counts', async () => {
      // Prepare
      const users = directory({ userLimit: 1, userCount: 1 });
      const deps = userDependencies(users);

      // Act
      const newcomer = await inviteUser(deps, acmeAdmin(), { email: 'bob@acme.com', role: 'reader' }).catch(
        (error: unknown) => error,
      );
      const promoted = await inviteUser(deps, asCaller('ann@acme.com', '/acme/finance', { '/acme': 'admin' }), {
        email: 'ann@acme.com',
        role: 'reader',
      });

      // Assess
      expect(newcomer).toMatchObject({ kind: 'conflict', message: expect.stringContaining('Tenant /acme is full') });
      expect(promoted.groups).toEqual({ '/acme': 'admin', '/acme/finance': 'reader' });
    });

    it('invites someone the caller does not manage, showing only the invitation, exactly as for a new email', async () => {
      // Prepare
      const users = directory();
      const deps = userDependencies(users);

      // Act
      const existing = await inviteUser(deps, acmeAdmin(), { email: 'eve@globex.com', role: 'reader' });
      const unknown = await inviteUser(deps, acmeAdmin(), { email: 'new@globex.com', role: 'reader' });

      // Assess: the same answer, the profile unchanged, and nothing sent to Cognito for her
      expect({ ...existing, email: 'new@globex.com' }).toEqual(unknown);
      expect(users.memberships.get('eve@globex.com')?.get('/acme')).toMatchObject({ role: 'reader', status: 'pending' });
      expect(users.profiles.get('eve@globex.com')).toEqual({
        user: userRecord('eve@globex.com', { emailVerifiedAt: at }),
        version: 2,
      });
      expect(users.audit[0]).toMatchObject({ action: 'membership.invited', after: { status: 'pending' } });
      expect(users.log).toEqual(['commit membership.invited', 'commit user.invited', 'cognito createUser new@globex.com']);
    });

    it('re-invites with the new role and default group, keeping the first invitation’s tags and sender', async () => {
      // Prepare
      const users = directory();
      const deps = userDependencies(users);
      await inviteUser(deps, acmeAdmin(), { email: 'eve@globex.com', role: 'reader', tags: { team: 'ops' } });
      const otherAdmin = asCaller('max@acme.com', '/acme', { '/acme': 'admin' });

      // Act
      const view = await inviteUser(deps, otherAdmin, {
        email: 'eve@globex.com',
        role: 'contributor',
        tags: { team: 'sales' },
        defaultGroup: '/acme/finance',
      });

      // Assess
      expect(view).toMatchObject({ groups: { '/acme': 'contributor' }, defaultGroup: '/acme/finance', tags: { team: 'ops' } });
      expect(users.memberships.get('eve@globex.com')?.get('/acme')).toMatchObject({
        createdBy: 'ann@acme.com',
        updatedBy: 'max@acme.com',
      });
      expect(users.audit[1]).toMatchObject({ before: { groups: { '/acme': 'reader' }, status: 'pending' } });
      expect(users.groups.get('/acme')).toMatchObject({ memberCount: 1, userCount: 2 });
    });

    it('grants at once to someone the caller manages', async () => {
      const users = directory();
      users.memberships
        .get('eve@globex.com')!
        .set('/acme/finance', membershipRecord('eve@globex.com', '/acme/finance', 'reader'));

      const view = await inviteUser(userDependencies(users), acmeAdmin(), { email: 'eve@globex.com', role: 'contributor' });

      expect(view.groups).toEqual({ '/acme': 'contributor', '/acme/finance': 'reader' });
      expect(users.audit).toEqual([expect.objectContaining({ action: 'membership.granted' })]);
      expect(users.log).toEqual(['commit membership.granted']);
    });

    it('makes a grant to an unproved address wait as an invitation, and sends it a reset code after the commit', async () => {
      // Prepare: a bank admin manages Zoe's groups, but nobody proved her address
      const users = directory();
      users.profiles.set('zoe@globex.com', { user: userRecord('zoe@globex.com'), version: 1 });
      users.memberships.set('zoe@globex.com', new Map([['/globex', membershipRecord('zoe@globex.com', '/globex', 'reader')]]));
      const bankAdmin = asCaller('root@bank.example', '/acme', { '/': 'admin' });

      // Act
      await inviteUser(userDependencies(users), bankAdmin, { email: 'zoe@globex.com', role: 'reader' });

      // Assess
      expect(users.memberships.get('zoe@globex.com')?.get('/acme')?.status).toBe('pending');
      expect(users.log).toEqual(['commit membership.invited', 'cognito forgotPassword zoe@globex.com']);
    });

    it('leaves a sign-up in progress its login: the invitation waits for it, and Cognito is not called', async () => {
      const users = directory();
      const deps = userDependencies(users);
      deps.identity.logins.set('bob@acme.com', 'UNCONFIRMED');

      await inviteUser(deps, acmeAdmin(), { email: 'bob@acme.com', role: 'reader' });

      expect(users.memberships.get('bob@acme.com')?.get('/acme')?.status).toBe('pending');
      expect(users.tagPlacements.get('bob@acme.com')?.flatMap((placement) => Object.keys(placement.tags))).toEqual([]);
      expect(users.log).toEqual(['commit user.invited']);
    });

    it('re-creates a login left without a profile instead of adopting it', async () => {
      const users = directory();
      const deps = userDependencies(users);
      deps.identity.existingLogins.add('bob@acme.com');

      await inviteUser(deps, acmeAdmin(), { email: 'bob@acme.com', role: 'reader' });

      expect(users.log).toEqual(['commit user.invited', 'cognito deleteUser bob@acme.com', 'cognito createUser bob@acme.com']);
    });

    it('decides again when someone else created the user meanwhile', async () => {
      // Prepare: Bob's profile appears (at /globex) between the read and the write
      const users = directory();
      users.beforeApply = () => {
        users.beforeApply = undefined;
        users.profiles.set('bob@acme.com', { user: userRecord('bob@acme.com', { emailVerifiedAt: at }), version: 1 });
        users.memberships.set('bob@acme.com', new Map([['/globex', membershipRecord('bob@acme.com', '/globex', 'reader')]]));
      };

      // Act
      const view = await inviteUser(userDependencies(users), acmeAdmin(), { email: 'bob@acme.com', role: 'reader' });

      // Assess: the second attempt invites the existing user; no login is created for him
      expect(view.state).toBe('invited');
      expect(users.memberships.get('bob@acme.com')?.get('/acme')?.status).toBe('pending');
      expect(users.log).toEqual(['commit membership.invited']);
    });
  });
});
