import { describe, expect, it } from 'vitest';
import { callerFromAuthorizer } from '../../shared/http/caller.ts';
import { authorizerContext, thrownBy } from './helpers.ts';
import { encodeMemberships } from '../../shared/domain/membershipCodec.ts';

describe('callerFromAuthorizer', () => {
  it('takes the email from the authorizer context', () => {
    expect(callerFromAuthorizer(authorizerContext({ email: 'bob@acme.com' }), {}).email).toBe('bob@acme.com');
  });

  it('decodes every membership from the authorizer context', () => {
    // Prepare
    const authorizer = authorizerContext({ memberships: encodeMemberships({ '/acme': 'admin', '/acme/finance': 'reader' }) });

    // Act
    const caller = callerFromAuthorizer(authorizer, {});

    // Assess
    expect(caller.memberships).toEqual({ '/acme': 'admin', '/acme/finance': 'reader' });
  });

  it('acts in the group named by x-groupcontextid', () => {
    // Prepare
    const headers = { 'x-groupcontextid': '/acme/finance' };

    // Act
    const caller = callerFromAuthorizer(authorizerContext(), headers);

    // Assess
    expect(caller.groupContextId).toBe('/acme/finance');
  });

  it('url-decodes and lower-cases x-groupcontextid', () => {
    expect(callerFromAuthorizer(authorizerContext(), { 'x-groupcontextid': '%2FACME%2FFinance' }).groupContextId).toBe(
      '/acme/finance',
    );
  });

  it('resolves the caller role in the group context through the tree', () => {
    // Prepare
    const authorizer = authorizerContext({ memberships: encodeMemberships({ '/acme': 'admin', '/acme/finance': 'reader' }) });

    // Act
    const caller = callerFromAuthorizer(authorizer, { 'x-groupcontextid': '/acme/finance/payables' });

    // Assess
    expect(caller.contextRole).toEqual({ role: 'reader', grantedAt: '/acme/finance' });
  });

  it('falls back to the default group when x-groupcontextid is absent', () => {
    expect(callerFromAuthorizer(authorizerContext({ defaultGroup: '/acme/hr' }), {}).groupContextId).toBe('/acme/hr');
  });

  it('falls back to the default group when x-groupcontextid is blank', () => {
    expect(
      callerFromAuthorizer(authorizerContext({ defaultGroup: '/acme/hr' }), { 'x-groupcontextid': '  ' }).groupContextId,
    ).toBe('/acme/hr');
  });

  it('has no context role where the caller holds no membership covering the group context', () => {
    expect(
      callerFromAuthorizer(authorizerContext({ memberships: encodeMemberships({ '/acme': 'admin' }) }), {
        'x-groupcontextid': '/globex',
      }).contextRole,
    ).toBeUndefined();
  });

  it.each(['/acme//finance', '/acme finance', '%2Facme%2F%2Ffinance', '/acme_finance', `/${'a'.repeat(114)}`])(
    'answers the invalid x-groupcontextid %j as a group that does not exist (404)',
    (header) => {
      // Act
      const error = thrownBy(() => callerFromAuthorizer(authorizerContext(), { 'x-groupcontextid': header }));

      // Assess
      expect(error.kind).toBe('not-found');
      expect(error.statusCode).toBe(404);
    },
  );

  it('refuses a context without an email with 401', () => {
    expect(
      thrownBy(() => callerFromAuthorizer({ memberships: encodeMemberships({ '/acme': 'admin' }), defaultGroup: '/acme' }, {}))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a context with an empty email with 401', () => {
    expect(thrownBy(() => callerFromAuthorizer(authorizerContext({ email: '' }), {})).statusCode).toBe(401);
  });

  it('refuses a missing authorizer context with 401', () => {
    expect(thrownBy(() => callerFromAuthorizer(undefined, {})).statusCode).toBe(401);
  });
});
