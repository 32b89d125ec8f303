import { describe, expect, it } from 'vitest';
import { getMe, getUserView } from '../../../../shared/services/users/read.ts';
import { fakeUserDirectory, membershipRecord, storedGroup, userRecord } from '../fakeUserDirectory.ts';
import { callerAs, userDependencies } from './userTestDependencies.ts';

/** Bob: a reader of /acme/finance and an admin of /globex (his default group), invited to /initech. */
function directory() {
  return fakeUserDirectory({
    groups: [storedGroup('/acme'), storedGroup('/acme/finance'), storedGroup('/globex'), storedGroup('/initech')],
    users: [
      {
        user: userRecord('bob@acme.com', { defaultGroup: '/globex', tags: { team: 'ops' } }),
        memberships: [
          membershipRecord('bob@acme.com', '/acme/finance', 'reader'),
          membershipRecord('bob@acme.com', '/globex', 'admin'),
          membershipRecord('bob@acme.com', '/initech', 'contributor', { status: 'pending', tags: { team: 'it' } }),
        ],
      },
    ],
  });
}

describe('services/users/read', () => {
  describe('getUserView', () => {
    it('shows a tenant only the memberships on its branches, and not a default group outside them', async () => {
      const view = await getUserView(
        userDependencies(directory()),
        callerAs('ann@acme.com', '/acme', { '/acme': 'admin' }),
        'bob@acme.com',
      );

      expect(view).toMatchObject({
        email: 'bob@acme.com',
        state: 'active',
        groups: { '/acme/finance': 'reader' },
        tags: { team: 'ops' },
      });
      expect(view.defaultGroup).toBeUndefined();
    });

    it('shows a tenant that has only invited the person the invitation alone, as any invited user', async () => {
      const view = await getUserView(
        userDependencies(directory()),
        callerAs('ian@initech.com', '/initech', { '/initech': 'admin' }),
        'bob@acme.com',
      );

      expect(view).toEqual({
        email: 'bob@acme.com',
        state: 'invited',
        groups: { '/initech': 'contributor' },
        defaultGroup: '/initech',
        tags: { team: 'it' },
        createdBy: 'admin@bank.example',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
    });

    it('answers someone outside the caller’s reach exactly like an unknown email', async () => {
      const deps = userDependencies(directory());
      const outsider = callerAs('olga@umbrella.com', '/umbrella', { '/umbrella': 'admin' });

      const hidden = await getUserView(deps, outsider, 'bob@acme.com').catch((error: unknown) => error);
      const unknown = await getUserView(deps, outsider, 'bob@acme.co').catch((error: unknown) => error);

      expect(hidden).toMatchObject({ kind: 'not-found', message: 'User bob@acme.com not found' });
      expect(unknown).toMatchObject({ kind: 'not-found', message: 'User bob@acme.co not found' });
    });

    it('shows users all their own memberships and their default group', async () => {
      const view = await getUserView(
        userDependencies(directory()),
        callerAs('bob@acme.com', '/acme', { '/acme/finance': 'reader' }),
        'bob@acme.com',
      );

      expect(view).toMatchObject({ groups: { '/acme/finance': 'reader', '/globex': 'admin' }, defaultGroup: '/globex' });
    });
  });

  describe('getMe', () => {
    it('answers the caller’s memberships, invitations and role in the context', async () => {
      const me = await getMe(
        userDependencies(directory()),
        callerAs('bob@acme.com', '/acme/finance', { '/acme/finance': 'reader', '/globex': 'admin' }),
      );

      expect(me).toMatchObject({
        groups: { '/acme/finance': 'reader', '/globex': 'admin' },
        invitations: { '/initech': 'contributor' },
        groupContextId: '/acme/finance',
        role: { role: 'reader', grantedAt: '/acme/finance' },
      });
    });

    it('answers 404 when the caller’s profile is gone', async () => {
      await expect(
        getMe(userDependencies(directory()), callerAs('gone@acme.com', '/acme', { '/acme': 'reader' })),
      ).rejects.toMatchObject({
        kind: 'not-found',
      });
    });
  });
});
