import { describe, expect, it } from 'vitest';
import { managesUsersInAll } from '../../shared/domain/access/userManagement.ts';
import { isOnCallerBranch, isVisibleInContext, visibleMemberships } from '../../shared/domain/access/visibility.ts';
import { isFreshSession, isLiveSession, type SessionRecord } from '../../shared/domain/sessions.ts';

describe('user visibility', () => {
  it('sees memberships at, beneath and above the caller’s own groups, never in another tenant', () => {
    const caller = { '/acme/finance': 'admin' } as const;

    expect(
      visibleMemberships(caller, {
        '/acme/finance/ap': 'reader',
        '/acme': 'admin',
        '/': 'admin',
        '/globex': 'reader',
        '/acme/hr': 'reader',
      }),
    ).toEqual({
      '/acme/finance/ap': 'reader',
      '/acme': 'admin',
      '/': 'admin',
    });
  });

  it('does not take a prefix-sharing sibling for a branch', () => {
    expect(isOnCallerBranch({ '/acme': 'admin' }, '/acmex')).toBe(false);
  });

  it('makes a user visible in a context through memberships in it, beneath it or above it', () => {
    expect(isVisibleInContext('/acme', ['/acme/finance'])).toBe(true);
    expect(isVisibleInContext('/acme/finance', ['/'])).toBe(true);
    expect(isVisibleInContext('/acme', ['/globex'])).toBe(false);
  });

  it('needs admin of every one of the user’s groups', () => {
    expect(managesUsersInAll({ '/acme': 'admin' }, ['/acme/a', '/acme/b'])).toBe(true);
    expect(managesUsersInAll({ '/acme': 'admin', '/acme/b': 'reader' }, ['/acme/a', '/acme/b'])).toBe(false);
  });
});

describe('sessions', () => {
  const NOW = Date.parse('2026-11-26T12:00:00.000Z');
  const session: SessionRecord = {
    email: 'ann@acme.com',
    sessionId: 'origin-1',
    authTime: NOW / 1000 - 600,
    openedAt: new Date(NOW - 600_000).toISOString(),
    lastRefreshedAt: new Date(NOW - 60_000).toISOString(),
    method: 'password',
    expiresAt: NOW / 1000 + 3600,
    profileCreatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('is live until it expires, and only for the profile it was opened for', () => {
    expect(isLiveSession(session, '2026-01-01T00:00:00.000Z', NOW)).toBe(true);
    expect(isLiveSession(session, '2026-11-26T11:59:00.000Z', NOW)).toBe(false);
    expect(isLiveSession({ ...session, expiresAt: NOW / 1000 - 1 }, '2026-01-01T00:00:00.000Z', NOW)).toBe(false);
    expect(isLiveSession(undefined, '2026-01-01T00:00:00.000Z', NOW)).toBe(false);
  });

  it('is fresh for five minutes after its login, however recently it was refreshed', () => {
    expect(isFreshSession({ openedAt: new Date(NOW - 299_000).toISOString() }, NOW)).toBe(true);
    expect(isFreshSession(session, NOW)).toBe(false);
  });
});
