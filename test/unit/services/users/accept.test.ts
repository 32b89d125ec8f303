import { describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../../../shared/services/users/accept.ts';
import { fakeUserDirectory, membershipRecord, storedGroup, userRecord } from '../fakeUserDirectory.ts';
import { asCaller, NOW, userDependencies } from './userTestDependencies.ts';

const at = NOW.toISOString();
const eve = asCaller('eve@globex.com', '/globex', { '/globex': 'admin' });

/** Eve (of Globex) invited to /acme by Ann, who is still an admin there; `proved`: Eve answered something sent to her address. */
function invitedEve({ proved = true, annRole = 'admin' }: { proved?: boolean; annRole?: string } = {}) {
  return fakeUserDirectory({
    groups: [storedGroup('/acme', { memberCount: 2, userCount: 2 }), storedGroup('/globex', { memberCount: 1, userCount: 1 })],
    users: [
      { user: userRecord('ann@acme.com'), memberships: [membershipRecord('ann@acme.com', '/acme', annRole)] },
      {
        user: userRecord('eve@globex.com', { tags: { region: 'us' }, ...(proved ? { emailVerifiedAt: at } : {}) }),
        memberships: [
          membershipRecord('eve@globex.com', '/globex', 'admin'),
          membershipRecord('eve@globex.com', '/acme', 'reader', { status: 'pending', createdBy: 'ann@acme.com' }),
        ],
      },
    ],
  });
}

describe('services/users/accept', () => {
  describe('acceptInvitation', () => {
    it('turns the invitation into a membership with its audit event, counting the user’s tags there, and answers with /me', async () => {
      // Prepare
      const users = invitedEve();

      // Act
      const me = await acceptInvitation(userDependencies(users), eve, '/acme');

      // Assess
      expect(me).toMatchObject({ groups: { '/globex': 'admin', '/acme': 'reader' }, invitations: {}, groupContextId: '/globex' });
      expect(users.memberships.get('eve@globex.com')?.get('/acme')).toMatchObject({
        role: 'reader',
        createdBy: 'eve@globex.com',
      });
      expect(users.memberships.get('eve@globex.com')?.get('/acme')?.status).toBeUndefined();
      expect(users.groups.get('/acme')).toMatchObject({ memberCount: 2, userCount: 2 });
      expect(users.tagPlacements.get('eve@globex.com')?.[0]?.scopes).toEqual(expect.arrayContaining(['/acme', '/globex']));
      expect(users.audit).toEqual([
        expect.objectContaining({ action: 'membership.accepted', after: { groups: { '/acme': 'reader' } } }),
      ]);
    });

    it('answers 404 where no invitation waits, and for an invitation its tenant disabled', async () => {
      // Prepare
      const users = invitedEve();
      users.memberships.get('eve@globex.com')!.get('/acme')!.inviteeState = 'disabled';

      // Act and Assess
      await expect(acceptInvitation(userDependencies(users), eve, '/initech')).rejects.toMatchObject({ kind: 'not-found' });
      await expect(acceptInvitation(userDependencies(users), eve, '/acme')).rejects.toMatchObject({
        kind: 'not-found',
        message: 'No invitation to /acme',
      });
    });

    it('refuses an address nobody proved with 403, keeping the invitation', async () => {
      const users = invitedEve({ proved: false });

      await expect(acceptInvitation(userDependencies(users), eve, '/acme')).rejects.toMatchObject({
        kind: 'forbidden',
        message: expect.stringContaining('Prove your email address first'),
      });
      expect(users.memberships.get('eve@globex.com')?.get('/acme')?.status).toBe('pending');
      expect(users.audit).toEqual([]);
    });

    it('re-checks the inviter as they are now: one demoted since vouches for nothing, and the invitation stays', async () => {
      // Prepare
      const users = invitedEve({ annRole: 'reader' });

      // Act and Assess
      await expect(acceptInvitation(userDependencies(users), eve, '/acme')).rejects.toMatchObject({
        kind: 'forbidden',
        message: 'The invitation to /acme is no longer valid: its sender may no longer grant it',
      });
      expect(users.memberships.get('eve@globex.com')?.get('/acme')?.status).toBe('pending');
    });

    it('refuses an invitation whose inviter was deleted', async () => {
      const users = invitedEve();
      users.profiles.delete('ann@acme.com');

      await expect(acceptInvitation(userDependencies(users), eve, '/acme')).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('answers 409 when the group was disabled meanwhile, keeping the invitation', async () => {
      // Prepare: the group is disabled between the read and the write
      const users = invitedEve();
      users.beforeApply = () => (users.groups.get('/acme')!.record.state = 'disabled');

      // Act and Assess
      await expect(acceptInvitation(userDependencies(users), eve, '/acme')).rejects.toMatchObject({
        kind: 'conflict',
        message: 'Group /acme is disabled: it accepts no new members',
      });
      expect(users.memberships.get('eve@globex.com')?.get('/acme')?.status).toBe('pending');
    });
  });
});
