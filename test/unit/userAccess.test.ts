import { describe, expect, it } from 'vitest';
import { managesUsersInAll } from '../../shared/domain/access/userManagement.ts';
import {
  isOnCallerBranch,
  isVisibleInContext,
  isVisibleToCaller,
  ancestorsInView,
  seesOnlyInvitations,
  visibleMemberships,
} from '../../shared/domain/access/visibility.ts';
import { isFreshSession, isLiveSession, type SessionRecord } from '../../shared/domain/sessions.ts';

describe('user visibility', () => {
  it('sees memberships at, beneath and above the caller’s own groups within their tenant, never in another tenant nor the bank’s at /', () => {
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
    });
  });

  it('lets a membership at / see every membership', () => {
    expect(visibleMemberships({ '/': 'reader' }, { '/': 'admin', '/acme/finance': 'reader', '/globex': 'admin' })).toEqual({
      '/': 'admin',
      '/acme/finance': 'reader',
      '/globex': 'admin',
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

  it('makes a user visible to a tenant’s caller above the context only within the tenant, and to the bank’s staff anywhere', () => {
    const tenantAdmin = { '/acme/finance': 'admin' };

    expect(isVisibleToCaller(tenantAdmin, '/acme/finance', ['/acme'])).toBe(true);
    expect(isVisibleToCaller(tenantAdmin, '/acme/finance', ['/acme/finance/ap'])).toBe(true);
    expect(isVisibleToCaller(tenantAdmin, '/acme/finance', ['/'])).toBe(false);
    expect(isVisibleToCaller({ '/': 'admin' }, '/acme/finance', ['/'])).toBe(true);
    expect(ancestorsInView(tenantAdmin, '/acme/finance/ap')).toEqual(['/acme/finance', '/acme']);
    expect(ancestorsInView({ '/': 'admin' }, '/acme/finance')).toEqual(['/acme', '/']);
  });

  it('needs admin of every one of the user’s groups', () => {
    expect(managesUsersInAll({ '/acme': 'admin' }, ['/acme/a', '/acme/b'])).toBe(true);
    expect(managesUsersInAll({ '/acme': 'admin', '/acme/b': 'reader' }, ['/acme/a', '/acme/b'])).toBe(false);
  });

  it('is never vacuously true: a user with no membership is managed by nobody, not even an admin of /', () => {
    expect(managesUsersInAll({ '/': 'admin' }, [])).toBe(false);
  });

  it('sees a user only through invitations when none of their memberships is on the caller’s branches', () => {
    const caller = { '/acme': 'admin' as const };
    expect(seesOnlyInvitations(caller, { memberships: { '/globex': 'admin' }, pending: { '/acme': 'reader' } })).toBe(true);
    expect(seesOnlyInvitations(caller, { memberships: { '/acme/a': 'reader' }, pending: { '/acme': 'reader' } })).toBe(false);
    expect(seesOnlyInvitations(caller, { memberships: { '/globex': 'admin' }, pending: { '/globex/x': 'reader' } })).toBe(false);
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
