import { describe, expect, it } from 'vitest';
import type { Access } from '../../shared/api/routeDefinition.ts';
import type { Memberships } from '../../shared/domain/roles.ts';
import { resolveRole } from '../../shared/domain/roles.ts';
import { enforceAccess } from '../../shared/http/access.ts';
import type { Caller } from '../../shared/http/caller.ts';
import { thrownBy } from './helpers.ts';

function callerIn(groupContextId: string, memberships: Memberships): Caller {
  return {
    email: 'ann@acme.com',
    groupContextId,
    contextRole: resolveRole(memberships, groupContextId),
    memberships,
    tokenIssuedAt: 0,
    mfaEnabled: false,
    tokenUse: 'access',
  };
}

const adminInContext: Access = { kind: 'action', action: 'iam:groups:create', at: 'context' };
const contributorAtPathGroup: Access = { kind: 'action', action: 'payments:approve', at: { pathParam: 'groupId' } };

describe('enforceAccess', () => {
  it('lets anyone through a public route, even without a caller', () => {
    expect(() => enforceAccess({ kind: 'public' }, { caller: undefined, params: undefined })).not.toThrow();
  });

  it('lets an authenticated caller without any membership through an authenticated route', () => {
    expect(() => enforceAccess({ kind: 'authenticated' }, { caller: callerIn('/', {}), params: undefined })).not.toThrow();
  });

  it('lets a caller with the required role in the group context through', () => {
    expect(() =>
      enforceAccess(adminInContext, { caller: callerIn('/acme/finance', { '/acme': 'admin' }), params: undefined }),
    ).not.toThrow();
  });

  it('refuses with 403 a caller whose role in the group context is insufficient', () => {
    // Prepare
    const caller = callerIn('/acme/finance', { '/acme': 'admin', '/acme/finance': 'contributor' });

    // Act
    const error = thrownBy(() => enforceAccess(adminInContext, { caller, params: undefined }));

    // Assess
    expect(error.kind).toBe('forbidden');
    expect(error.statusCode).toBe(403);
  });

  it('refuses with 403 a caller with no role at all in the group context', () => {
    expect(
      thrownBy(() => enforceAccess(adminInContext, { caller: callerIn('/globex', { '/acme': 'admin' }), params: undefined }))
        .statusCode,
    ).toBe(403);
  });

  it('lets a caller with the required role inherited at the path group through', () => {
    // Prepare
    const caller = callerIn('/', { '/acme': 'contributor' });

    // Act / Assess
    expect(() => enforceAccess(contributorAtPathGroup, { caller, params: { groupId: '/acme/finance' } })).not.toThrow();
  });

  it('judges a path-group route by the path group, not by the group context', () => {
    // Prepare: admin in the context, nothing at the path group.
    const caller = callerIn('/acme', { '/acme': 'admin' });

    // Act
    const error = thrownBy(() => enforceAccess(contributorAtPathGroup, { caller, params: { groupId: '/globex' } }));

    // Assess
    expect(error.statusCode).toBe(404);
  });

  it('answers 403 when the caller can see the path group but lacks the role there', () => {
    // Prepare: the deeper reader membership decides at /acme/finance/payables.
    const caller = callerIn('/acme', { '/acme': 'admin', '/acme/finance': 'reader' });

    // Act
    const error = thrownBy(() =>
      enforceAccess(contributorAtPathGroup, { caller, params: { groupId: '/acme/finance/payables' } }),
    );

    // Assess
    expect(error.kind).toBe('forbidden');
    expect(error.statusCode).toBe(403);
  });

  it('does not let a membership at a prefix-sharing sibling reach the path group', () => {
    expect(
      thrownBy(() =>
        enforceAccess(contributorAtPathGroup, { caller: callerIn('/acme', { '/acme': 'admin' }), params: { groupId: '/acmex' } }),
      ).statusCode,
    ).toBe(404);
  });
});
