import { describe, expect, it } from 'vitest';
import { changedFields, changesNothing } from '../../shared/events/changedFields.ts';

describe('changedFields', () => {
  it('gives before and after of each changed field, whatever the key order of nested values', () => {
    // Prepare
    const before = { description: 'a', configuration: { x: 1, y: 2 }, tags: { team: 'ops' } };
    const after = { description: 'b', configuration: { y: 2, x: 1 }, state: 'disabled' };

    // Act
    const changes = changedFields(before, after);

    // Assess
    expect(changes).toEqual({
      description: { before: 'a', after: 'b' },
      tags: { before: { team: 'ops' } },
      state: { after: 'disabled' },
    });
  });

  it('never shows a secret field, at any depth', () => {
    expect(changedFields({ password: 'old', nested: { refreshToken: 'x' } }, { password: 'new', nested: {} })).toEqual({});
  });
});

describe('changesNothing', () => {
  it('is true when only updatedAt, updatedBy and version moved', () => {
    const before = { id: '/acme', tags: { a: '1' }, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'ann', version: 1 };

    expect(changesNothing(before, { ...before, updatedAt: '2026-06-01T00:00:00Z', updatedBy: 'bob', version: 2 })).toBe(true);
  });

  it('is false when any other field moved, appeared or went', () => {
    const before = { id: '/acme', tags: { a: '1' }, description: 'x' };

    expect(changesNothing(before, { ...before, tags: { a: '2' } })).toBe(false);
    expect(changesNothing(before, { ...before, state: 'disabled' })).toBe(false);
    expect(changesNothing(before, { id: '/acme', tags: { a: '1' } })).toBe(false);
  });

  it('is false when only a secret moved, though the audit event does not show it', () => {
    const before = { configuration: { webhookSecret: 'old' } };

    expect(changesNothing(before, { configuration: { webhookSecret: 'new' } })).toBe(false);
  });
});
