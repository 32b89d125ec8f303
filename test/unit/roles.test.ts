import { describe, expect, it } from 'vitest';
import { isBuiltInRole, resolveRole, type Memberships } from '../../shared/domain/roles.ts';

describe('isBuiltInRole', () => {
  it.each(['reader', 'contributor', 'admin'])('recognises %j', (value) => {
    expect(isBuiltInRole(value)).toBe(true);
  });

  it.each(['', 'Admin', 'owner', 'a', 'toString'])('refuses %j', (value) => {
    expect(isBuiltInRole(value)).toBe(false);
  });
});

describe('resolveRole', () => {
  const memberships: Memberships = { '/acme': 'admin', '/acme/finance': 'reader' };

  it('grants a membership role at the group it is held at', () => {
    expect(resolveRole(memberships, '/acme')).toEqual({ role: 'admin', grantedAt: '/acme' });
  });

  it('inherits an ancestor membership at a group beneath it', () => {
    expect(resolveRole(memberships, '/acme/hr')).toEqual({ role: 'admin', grantedAt: '/acme' });
  });

  it('lets the deepest membership decide, even when it is a lower role', () => {
    expect(resolveRole(memberships, '/acme/finance/payables')).toEqual({ role: 'reader', grantedAt: '/acme/finance' });
  });

  it('reports the group whose membership decided as grantedAt', () => {
    expect(resolveRole({ '/': 'contributor' }, '/acme/finance')?.grantedAt).toBe('/');
  });

  it('resolves nothing where the caller has no membership at the group or any ancestor', () => {
    expect(resolveRole(memberships, '/globex')).toBeUndefined();
  });

  it('does not inherit from a sibling that shares a name prefix', () => {
    expect(resolveRole({ '/acme': 'admin' }, '/acmex')).toBeUndefined();
  });

  it('does not inherit upwards from a child membership', () => {
    expect(resolveRole({ '/acme/finance': 'admin' }, '/acme')).toBeUndefined();
  });

  it('resolves nothing with no memberships at all', () => {
    expect(resolveRole({}, '/')).toBeUndefined();
  });
});
