import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../../shared/domain/sessions.ts';
import {
  endUserSession,
  endUserSessions,
  getLoginHistory,
  listUserSessions,
} from '../../../../shared/services/users/sessions.ts';
import { fakeUserDirectory, membershipRecord, storedGroup, userRecord } from '../fakeUserDirectory.ts';
import { asCaller, callerAs, NOW, userDependencies } from './userTestDependencies.ts';

const nowSeconds = NOW.getTime() / 1000;
const acmeAdmin = asCaller('ann@acme.com', '/acme', { '/acme': 'admin' });
const session = (sessionId: string, authTime: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  email: 'bob@acme.com',
  sessionId,
  authTime,
  openedAt: new Date(authTime * 1000).toISOString(),
  lastRefreshedAt: new Date(authTime * 1000).toISOString(),
  method: 'password',
  expiresAt: nowSeconds + 3600,
  profileCreatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** Bob, a reader of /acme/finance and /acme/hr, with two live sessions, an expired one and one of an earlier profile; Eve, only invited to /acme. */
function directory() {
  const users = fakeUserDirectory({
    groups: [storedGroup('/acme'), storedGroup('/acme/finance'), storedGroup('/acme/hr'), storedGroup('/globex')],
    users: [
      {
        user: userRecord('bob@acme.com'),
        memberships: [
          membershipRecord('bob@acme.com', '/acme/finance', 'reader'),
          membershipRecord('bob@acme.com', '/acme/hr', 'reader'),
        ],
      },
      {
        user: userRecord('eve@globex.com'),
        memberships: [
          membershipRecord('eve@globex.com', '/globex', 'admin'),
          membershipRecord('eve@globex.com', '/acme', 'reader', { status: 'pending' }),
        ],
      },
    ],
    sessions: [
      session('old', nowSeconds - 7200, { sourceIp: '203.0.113.7' }),
      session('new', nowSeconds - 60, { userAgent: 'Firefox' }),
      session('expired', nowSeconds - 9000, { expiresAt: nowSeconds - 1 }),
      session('earlier-profile', nowSeconds - 8000, { profileCreatedAt: '2025-01-01T00:00:00.000Z' }),
      { ...session('eve-1', nowSeconds - 30), email: 'eve@globex.com' },
    ],
  });
  users.logins.set('bob@acme.com', [{ at: NOW.toISOString(), outcome: 'success', sourceIp: '203.0.113.7' }]);
  users.logins.set('eve@globex.com', [{ at: NOW.toISOString(), outcome: 'failure' }]);
  return users;
}

describe('services/users/sessions', () => {
  describe('listUserSessions', () => {
    it('lists the live sessions of this very profile, newest login first, marking the caller’s own as current', async () => {
      // Prepare
      const bob = callerAs('bob@acme.com', '/acme/finance', { '/acme/finance': 'reader' }, { sessionId: 'new' });

      // Act
      const page = await listUserSessions(userDependencies(directory()), bob, 'bob@acme.com', { count: 10 });

      // Assess
      expect(page.sessions).toEqual([
        expect.objectContaining({ sessionId: 'new', userAgent: 'Firefox', current: true }),
        expect.objectContaining({
          sessionId: 'old',
          sourceIp: '203.0.113.7',
          expiresAt: new Date((nowSeconds + 3600) * 1000).toISOString(),
        }),
      ]);
      expect(page.sessions[1]).not.toHaveProperty('current');
    });

    it('refuses an admin of only some of the user’s groups with 403', async () => {
      const financeAdmin = callerAs('fin@acme.com', '/acme/finance', { '/acme/finance': 'admin' });

      await expect(
        listUserSessions(userDependencies(directory()), financeAdmin, 'bob@acme.com', { count: 10 }),
      ).rejects.toMatchObject({
        kind: 'forbidden',
      });
    });
  });

  describe('endUserSessions', () => {
    it('ends every session of the user with its audit event, then signs them out of Cognito', async () => {
      const users = directory();

      await endUserSessions(userDependencies(users), acmeAdmin, 'bob@acme.com');

      expect(users.storedSessions.get('bob@acme.com')).toEqual([]);
      expect(users.audit).toEqual([
        expect.objectContaining({ action: 'session.ended', targetId: 'bob@acme.com', after: { sessionsEnded: 4 } }),
      ]);
      expect(users.log).toEqual(['commit session.ended', 'cognito signOutEverywhere bob@acme.com']);
    });

    it('ends nothing for someone the tenant has only invited', async () => {
      const users = directory();

      await endUserSessions(userDependencies(users), acmeAdmin, 'eve@globex.com');

      expect(users.storedSessions.get('eve@globex.com')).toHaveLength(1);
      expect(users.log).toEqual([]);
    });
  });

  describe('endUserSession', () => {
    it('ends one session with its audit event, and answers 404 once it has ended', async () => {
      const users = directory();
      const deps = userDependencies(users);

      await endUserSession(deps, acmeAdmin, 'bob@acme.com', 'old');

      expect(users.storedSessions.get('bob@acme.com')?.map((own) => own.sessionId)).not.toContain('old');
      expect(users.audit).toEqual([expect.objectContaining({ action: 'session.ended', after: { sessionId: 'old' } })]);
      await expect(endUserSession(deps, acmeAdmin, 'bob@acme.com', 'old')).rejects.toMatchObject({ kind: 'not-found' });
    });
  });

  describe('getLoginHistory', () => {
    it('answers the user’s login attempts to a manager, and none for someone only invited', async () => {
      const deps = userDependencies(directory());

      const bob = await getLoginHistory(deps, acmeAdmin.caller, 'bob@acme.com', { count: 10 });
      const eve = await getLoginHistory(deps, acmeAdmin.caller, 'eve@globex.com', { count: 10 });

      expect(bob.logins).toEqual([{ at: NOW.toISOString(), outcome: 'success', sourceIp: '203.0.113.7' }]);
      expect(eve).toEqual({ logins: [] });
    });
  });
});
