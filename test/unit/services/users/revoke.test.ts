import { describe, expect, it } from 'vitest';
import { revokeUser } from '../../../../shared/services/users/revoke.ts';
import { fakeUserDirectory, membershipRecord, storedGroup, userRecord } from '../fakeUserDirectory.ts';
import { asCaller, userDependencies } from './userTestDependencies.ts';

const acmeAdmin = asCaller('ann@acme.com', '/acme', { '/acme': 'admin' });
const bankAdmin = asCaller('root@bank.example', '/', { '/': 'admin' });
const only = { includeChildGroups: false };

/** Bob: a reader of /acme and of /acme/finance, invited to /acme/hr, and a member of /globex. */
function directory() {
  return fakeUserDirectory({
    groups: [
      storedGroup('/acme', { memberCount: 1, userCount: 1 }),
      storedGroup('/acme/finance', { memberCount: 1 }),
      storedGroup('/acme/hr', { memberCount: 1 }),
      storedGroup('/globex', { memberCount: 1, userCount: 1 }),
    ],
    users: [
      {
        user: userRecord('bob@acme.com', { tags: { team: 'ops' } }),
        memberships: [
          membershipRecord('bob@acme.com', '/acme', 'reader'),
          membershipRecord('bob@acme.com', '/acme/finance', 'reader'),
          membershipRecord('bob@acme.com', '/acme/hr', 'reader', { status: 'pending' }),
          membershipRecord('bob@acme.com', '/globex', 'reader'),
        ],
      },
    ],
  });
}
const rootAdmin = (email: string, state: 'active' | 'disabled' = 'active') => ({
  user: userRecord(email, { state }),
  memberships: [membershipRecord(email, '/', 'admin')],
});

describe('services/users/revoke', () => {
  describe('revokeUser', () => {
    it('revokes the membership in the context only, with its audit event and counts, keeping the user', async () => {
      // Prepare
      const users = directory();

      // Act
      await revokeUser(userDependencies(users), acmeAdmin, 'bob@acme.com', only);

      // Assess
      expect([...users.memberships.get('bob@acme.com')!.keys()]).toEqual(['/acme/finance', '/acme/hr', '/globex']);
      expect(users.groups.get('/acme')).toMatchObject({ memberCount: 0, userCount: 1 });
      expect(users.audit).toEqual([
        expect.objectContaining({ action: 'membership.revoked', before: { groups: { '/acme': 'reader' } } }),
      ]);
      expect(users.log).toEqual(['commit membership.revoked']);
    });

    it('revokes memberships and invitations of the whole branch with includeChildGroups, freeing the tenant’s place', async () => {
      const users = directory();

      await revokeUser(userDependencies(users), acmeAdmin, 'bob@acme.com', { includeChildGroups: true });

      expect([...users.memberships.get('bob@acme.com')!.keys()]).toEqual(['/globex']);
      expect(users.groups.get('/acme')).toMatchObject({ memberCount: 0, userCount: 0 });
      expect(users.tagPlacements.get('bob@acme.com')?.[0]?.scopes).not.toContain('/acme');
    });

    it('deletes the user when the last membership goes, then their Cognito login', async () => {
      // Prepare
      const users = directory();
      const globexAdmin = asCaller('gus@globex.com', '/', { '/': 'admin' });

      // Act
      await revokeUser(userDependencies(users), globexAdmin, 'bob@acme.com', { includeChildGroups: true });

      // Assess
      expect(users.profiles.has('bob@acme.com')).toBe(false);
      expect(users.log).toEqual(['commit membership.revoked', 'commit user.deleted', 'cognito deleteUser bob@acme.com']);
    });

    it('answers 409 naming the context for a visible user without a membership exactly there', async () => {
      const users = directory();
      const financeOnly = asCaller('ann@acme.com', '/acme/finance', { '/acme': 'admin' });
      await revokeUser(userDependencies(users), financeOnly, 'bob@acme.com', only);

      await expect(revokeUser(userDependencies(users), financeOnly, 'bob@acme.com', only)).rejects.toMatchObject({
        kind: 'conflict',
        message: 'User bob@acme.com has no membership in /acme/finance',
      });
    });

    it('answers 404 for someone outside the caller’s reach, exactly as for an unknown email', async () => {
      const users = directory();
      const initech = asCaller('ian@initech.com', '/initech', { '/initech': 'admin' });

      const hidden = await revokeUser(userDependencies(users), initech, 'bob@acme.com', only).catch((error: unknown) => error);
      const unknown = await revokeUser(userDependencies(users), initech, 'nobody@acme.com', only).catch(
        (error: unknown) => error,
      );

      expect(hidden).toMatchObject({ kind: 'not-found', message: 'User bob@acme.com not found' });
      expect(unknown).toMatchObject({ kind: 'not-found', message: 'User nobody@acme.com not found' });
    });

    it('refuses an admin revoking their own membership of /', async () => {
      const users = fakeUserDirectory({ users: [rootAdmin('root@bank.example'), rootAdmin('two@bank.example')] });

      await expect(revokeUser(userDependencies(users), bankAdmin, 'root@bank.example', only)).rejects.toMatchObject({
        kind: 'conflict',
        message: 'You cannot revoke your own membership of /',
      });
    });

    it('guards the last active admin of /: a disabled one does not count, an active one does', async () => {
      // Prepare
      const alone = fakeUserDirectory({
        users: [rootAdmin('root@bank.example'), rootAdmin('two@bank.example'), rootAdmin('off@bank.example', 'disabled')],
      });
      alone.profiles.get('root@bank.example')!.user.state = 'disabled';
      const paired = fakeUserDirectory({ users: [rootAdmin('root@bank.example'), rootAdmin('two@bank.example')] });

      // Act
      const refused = await revokeUser(userDependencies(alone), bankAdmin, 'two@bank.example', only).catch(
        (error: unknown) => error,
      );
      await revokeUser(userDependencies(paired), bankAdmin, 'two@bank.example', only);

      // Assess
      expect(refused).toMatchObject({ kind: 'conflict', message: 'This would leave / without an active admin' });
      expect(alone.profiles.has('two@bank.example')).toBe(true);
      expect(paired.profiles.has('two@bank.example')).toBe(false);
      expect(paired.rootAdminGuard).toBe(1);
    });

    it('revokes many tagged memberships in several transactions, each fitting, the profile last', async () => {
      // Prepare: 60 groups with two hierarchical tag values each outgrow one transaction
      const groups = Array.from({ length: 60 }, (_, i) => `/acme/g${String(i).padStart(2, '0')}`);
      const tags = Object.fromEntries(Array.from({ length: 2 }, (_, i) => [`k${i}`, 'a/b']));
      const users = fakeUserDirectory({
        groups: [storedGroup('/acme', { userCount: 1 }), ...groups.map((id) => storedGroup(id, { memberCount: 1 }))],
        users: [
          {
            user: userRecord('bob@acme.com', { tags }),
            memberships: groups.map((id) => membershipRecord('bob@acme.com', id, 'reader')),
          },
        ],
      });

      // Act
      await revokeUser(userDependencies(users), acmeAdmin, 'bob@acme.com', { includeChildGroups: true });

      // Assess
      const revoked = users.audit.filter((event) => event.action === 'membership.revoked');
      expect(revoked.length).toBeGreaterThan(1);
      expect(revoked.flatMap((event) => Object.keys((event.before as { groups: object }).groups)).sort()).toEqual(groups);
      expect(users.audit.at(-1)?.action).toBe('user.deleted');
      expect(users.log.at(-1)).toBe('cognito deleteUser bob@acme.com');
    });

    it('does not call Cognito when every attempt loses the race', async () => {
      const users = directory();
      users.beforeApply = () => users.profiles.get('bob@acme.com')!.version++;

      await expect(
        revokeUser(userDependencies(users), asCaller('gus@globex.com', '/', { '/': 'admin' }), 'bob@acme.com', {
          includeChildGroups: true,
        }),
      ).rejects.toMatchObject({ kind: 'conflict', message: 'User bob@acme.com is being changed by another request; try again' });
      expect(users.log.filter((line) => line.startsWith('cognito'))).toEqual([]);
    });
  });
});
