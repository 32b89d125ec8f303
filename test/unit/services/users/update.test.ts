import { describe, expect, it } from 'vitest';
import { forbidden } from '../../../../shared/domain/errors.ts';
import type { SessionRecord } from '../../../../shared/domain/sessions.ts';
import { updateUser } from '../../../../shared/services/users/update.ts';
import { sessionSkOf } from '../../../../shared/store/sessionStore.ts';
import { fakeUserDirectory, membershipRecord, storedGroup, userRecord } from '../fakeUserDirectory.ts';
import { asCaller, NOW, userDependencies } from './userTestDependencies.ts';

const at = NOW.toISOString();
const acmeAdmin = asCaller('ann@acme.com', '/acme', { '/acme': 'admin' }, { sessionId: 'ann-1', authTime: 1_780_000_000 });
const STRONG = 'New-Strong-Passw0rd!';

const session = (email: string, sessionId: string, authTime = 1_780_000_000): SessionRecord => ({
  email,
  sessionId,
  authTime,
  openedAt: at,
  lastRefreshedAt: at,
  method: 'password',
  expiresAt: 1_790_000_000,
  profileCreatedAt: '2026-01-01T00:00:00.000Z',
});

/** Ann, admin of /acme with two sessions; Bob, a tagged reader of /acme/finance with two sessions; Eve of Globex, only invited to /acme. */
function directory(extraSessions: SessionRecord[] = []) {
  return fakeUserDirectory({
    groups: [storedGroup('/acme', { userCount: 3 }), storedGroup('/acme/finance'), storedGroup('/globex')],
    users: [
      { user: userRecord('ann@acme.com'), memberships: [membershipRecord('ann@acme.com', '/acme', 'admin')] },
      {
        user: userRecord('bob@acme.com', { tags: { team: 'ops' } }),
        memberships: [membershipRecord('bob@acme.com', '/acme/finance', 'reader')],
      },
      {
        user: userRecord('eve@globex.com', { tags: { region: 'us' } }),
        memberships: [
          membershipRecord('eve@globex.com', '/globex', 'admin'),
          membershipRecord('eve@globex.com', '/acme', 'reader', { status: 'pending', createdBy: 'ann@acme.com' }),
        ],
      },
    ],
    sessions: [
      session('ann@acme.com', 'ann-1'),
      session('ann@acme.com', 'ann-2', 1_780_000_100),
      session('bob@acme.com', 'bob-1'),
      session('bob@acme.com', 'bob-2', 1_780_000_100),
      ...extraSessions,
    ],
  });
}

describe('services/users/update', () => {
  describe('updateUser', () => {
    it('disables a user with their sessions ended in the same commit, then disables and signs out their login', async () => {
      // Prepare
      const users = directory();

      // Act
      await updateUser(userDependencies(users), acmeAdmin, 'bob@acme.com', { state: 'disabled' });

      // Assess
      // (the sweep after the commit, for sessions beyond one transaction or opened meanwhile, finds none and writes nothing)
      expect(users.profiles.get('bob@acme.com')?.user).toMatchObject({ state: 'disabled', updatedBy: 'ann@acme.com' });
      expect(users.storedSessions.get('bob@acme.com')).toEqual([]);
      expect(users.audit.map((event) => [event.action, event.after])).toEqual([
        ['user.disabled', expect.objectContaining({ state: 'disabled' })],
      ]);
      expect(users.log).toEqual([
        'commit user.disabled',
        'cognito disableUser bob@acme.com',
        'cognito signOutEverywhere bob@acme.com',
      ]);
    });

    it('ends sessions beyond what one transaction holds right after the commit', async () => {
      const many = Array.from({ length: 120 }, (_, i) => session('bob@acme.com', `bob-x${i}`, 1_780_001_000 + i));
      const users = directory(many);

      await updateUser(userDependencies(users), acmeAdmin, 'bob@acme.com', { state: 'disabled' });

      expect(users.storedSessions.get('bob@acme.com')).toEqual([]);
      expect(users.log.slice(0, 2)).toEqual(['commit user.disabled', 'commit session.ended']);
    });

    it('ends a session opened while the change ran right after the commit, and records that one', async () => {
      // Prepare: Bob has no session when he is disabled, and logs in while it commits
      const users = directory();
      users.storedSessions.set('bob@acme.com', []);
      users.beforeApply = () => users.storedSessions.get('bob@acme.com')!.push(session('bob@acme.com', 'bob-late'));

      // Act
      await updateUser(userDependencies(users), acmeAdmin, 'bob@acme.com', { state: 'disabled' });

      // Assess
      expect(users.storedSessions.get('bob@acme.com')).toEqual([]);
      expect(users.audit.map((event) => [event.action, event.after])).toEqual([
        ['user.disabled', expect.objectContaining({ state: 'disabled' })],
        ['session.ended', { sessionsEnded: 1 }],
      ]);
    });

    it('keeps an invited user invited when activated, writing nothing as nothing changed, and still enables the login', async () => {
      const users = directory();
      users.profiles.get('bob@acme.com')!.user.state = 'invited';

      await updateUser(userDependencies(users), acmeAdmin, 'bob@acme.com', { state: 'active' });

      expect(users.profiles.get('bob@acme.com')?.user.state).toBe('invited');
      expect(users.log).toEqual(['cognito enableUser bob@acme.com']);
    });

    it('patches tags (null removes one) and moves their counts, calling no Cognito API', async () => {
      const users = directory();

      await updateUser(userDependencies(users), acmeAdmin, 'bob@acme.com', { tags: { team: null, region: 'uk' } });

      expect(users.profiles.get('bob@acme.com')?.user.tags).toEqual({ region: 'uk' });
      expect(users.tagPlacements.get('bob@acme.com')?.[0]).toEqual({
        scopes: expect.arrayContaining(['/acme/finance']),
        tags: { region: 'uk' },
      });
      expect(users.audit[0]).toMatchObject({
        action: 'user.updated',
        before: { tags: { team: 'ops' } },
        after: { tags: { region: 'uk' } },
      });
      expect(users.log).toEqual(['commit user.updated']);
    });

    it('sets a default group within the user’s groups, and refuses one outside them with 400', async () => {
      const users = directory();
      const deps = userDependencies(users);

      await expect(updateUser(deps, acmeAdmin, 'bob@acme.com', { defaultGroup: '/acme' })).rejects.toMatchObject({
        kind: 'invalid',
      });
      await updateUser(deps, acmeAdmin, 'bob@acme.com', { defaultGroup: '/acme/finance' });

      expect(users.profiles.get('bob@acme.com')?.user.defaultGroup).toBe('/acme/finance');
    });

    it('changes one’s own password: the proof’s session stays, the others end in the commit, and Cognito follows it', async () => {
      // Prepare
      const users = directory();
      const kept = sessionSkOf(session('ann@acme.com', 'ann-1'));
      const deps = userDependencies(users, { passwordProof: async () => kept });

      // Act
      await updateUser(deps, acmeAdmin, 'ann@acme.com', { password: STRONG, currentPassword: 'Old-Passw0rd!' });

      // Assess
      expect(users.storedSessions.get('ann@acme.com')?.map((own) => own.sessionId)).toEqual(['ann-1']);
      expect(users.audit[0]).toMatchObject({ action: 'user.password_changed' });
      expect(users.log).toEqual(['commit user.password_changed', 'cognito setPermanentPassword ann@acme.com']);
      expect(deps.identity.passwords.get('ann@acme.com')).toBe(STRONG);
    });

    it('leaves the Cognito password alone when the commit is refused', async () => {
      // Prepare: someone else changes Ann's profile before each attempt
      const users = directory();
      users.beforeApply = () => users.profiles.get('ann@acme.com')!.version++;
      const deps = userDependencies(users);

      // Act and Assess
      await expect(updateUser(deps, acmeAdmin, 'ann@acme.com', { password: STRONG })).rejects.toMatchObject({ kind: 'conflict' });
      expect(deps.identity.passwords.has('ann@acme.com')).toBe(false);
      expect(users.log).toEqual([]);
      expect(users.storedSessions.get('ann@acme.com')).toHaveLength(2);
    });

    it('checks the password policy before asking for any proof, and changes nothing without a proof', async () => {
      // Prepare
      const proofs: string[] = [];
      const users = directory();
      const deps = userDependencies(users, {
        passwordProof: async (caller) => {
          proofs.push(caller.email);
          throw forbidden('This change needs a fresh proof');
        },
      });

      // Act and Assess
      await expect(updateUser(deps, acmeAdmin, 'ann@acme.com', { password: 'short' })).rejects.toMatchObject({ kind: 'invalid' });
      expect(proofs).toEqual([]);
      await expect(updateUser(deps, acmeAdmin, 'ann@acme.com', { password: STRONG })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      expect(users.audit).toEqual([]);
      expect(users.log).toEqual([]);
    });

    it('refuses to disable the last active admin of / with 409', async () => {
      const users = fakeUserDirectory({
        users: [
          { user: userRecord('root@bank.example'), memberships: [membershipRecord('root@bank.example', '/', 'admin')] },
          { user: userRecord('two@bank.example'), memberships: [membershipRecord('two@bank.example', '/', 'admin')] },
        ],
      });
      users.profiles.get('two@bank.example')!.user.state = 'disabled';

      await expect(
        updateUser(userDependencies(users), asCaller('two@bank.example', '/', { '/': 'admin' }), 'root@bank.example', {
          state: 'disabled',
        }),
      ).rejects.toMatchObject({ kind: 'conflict', message: 'This would leave / without an active admin' });
      expect(users.log).toEqual([]);
    });

    it('changes only its invitations for a tenant that has only invited the person, calling no Cognito API', async () => {
      // Prepare
      const users = directory();

      // Act
      await updateUser(userDependencies(users), acmeAdmin, 'eve@globex.com', { state: 'disabled', tags: { team: 'ops' } });

      // Assess
      expect(users.memberships.get('eve@globex.com')?.get('/acme')).toMatchObject({
        status: 'pending',
        inviteeState: 'disabled',
        tags: { team: 'ops' },
        updatedBy: 'ann@acme.com',
      });
      expect(users.profiles.get('eve@globex.com')).toMatchObject({
        user: { state: 'active', tags: { region: 'us' } },
        version: 2,
      });
      expect(users.storedSessions.get('eve@globex.com')).toBeUndefined();
      expect(users.audit).toEqual([expect.objectContaining({ action: 'invitation.updated' })]);
      expect(users.log).toEqual(['commit invitation.updated']);
    });

    it('re-activates an invitation the tenant disabled, and refuses a default group outside its invitations with 400', async () => {
      const users = directory();
      const deps = userDependencies(users);
      await updateUser(deps, acmeAdmin, 'eve@globex.com', { state: 'disabled' });

      await updateUser(deps, acmeAdmin, 'eve@globex.com', { state: 'active' });
      await expect(updateUser(deps, acmeAdmin, 'eve@globex.com', { defaultGroup: '/globex' })).rejects.toMatchObject({
        kind: 'invalid',
      });

      expect(users.memberships.get('eve@globex.com')?.get('/acme')?.inviteeState).toBe('active');
    });
  });
});
