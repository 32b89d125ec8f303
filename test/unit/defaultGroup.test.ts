import { describe, expect, it } from 'vitest';
import { defaultGroupFor } from '../../shared/domain/defaultGroup.ts';

describe('defaultGroupFor', () => {
  it('keeps the chosen default group when the caller holds a membership at it', () => {
    expect(defaultGroupFor('/acme/finance', { '/acme': 'reader', '/acme/finance': 'admin' })).toBe('/acme/finance');
  });

  it('keeps the chosen default group when it lies beneath one of the memberships', () => {
    expect(defaultGroupFor('/acme/finance/payables', { '/acme': 'reader' })).toBe('/acme/finance/payables');
  });

  it('falls back to the shallowest membership when the chosen group is outside every membership', () => {
    expect(defaultGroupFor('/globex', { '/acme/finance/payables': 'admin', '/acme/hr': 'reader' })).toBe('/acme/hr');
  });

  it('does not treat a sibling sharing a name prefix as within the membership', () => {
    expect(defaultGroupFor('/acmex', { '/acme': 'admin' })).toBe('/acme');
  });

  it('falls back to the shallowest membership when no default group was chosen', () => {
    expect(defaultGroupFor(undefined, { '/acme/finance': 'admin', '/acme': 'reader' })).toBe('/acme');
  });

  it('breaks a depth tie between memberships alphabetically', () => {
    expect(defaultGroupFor(undefined, { '/globex': 'admin', '/acme': 'reader' })).toBe('/acme');
  });

  it('gives the root when the caller has no memberships', () => {
    expect(defaultGroupFor('/acme', {})).toBe('/');
  });
});
