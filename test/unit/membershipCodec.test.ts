import { describe, expect, it } from 'vitest';
import { decodeMemberships, encodeMemberships } from '../../shared/domain/membershipCodec.ts';
import type { Memberships, Role } from '../../shared/domain/roles.ts';

describe('encodeMemberships / decodeMemberships', () => {
  it('round-trips memberships of every role', () => {
    // Prepare
    const memberships: Memberships = {
      '/': 'reader',
      '/acme': 'admin',
      '/acme/finance': 'contributor',
      '/acme/finance/payables': 'reader',
      '/beta': 'admin',
    };

    // Act
    const decoded = decodeMemberships(encodeMemberships(memberships));

    // Assess
    expect(decoded).toEqual(memberships);
  });

  it('front-codes sorted ids: shared prefix length, the rest, then a one-letter role', () => {
    expect(encodeMemberships({ '/acme/hr': 'contributor', '/': 'admin', '/acme/finance': 'reader' })).toBe(
      '0:/=a,1:acme/finance=r,6:hr=c',
    );
  });

  it('encodes no memberships as the empty string', () => {
    expect(encodeMemberships({})).toBe('');
  });

  it('decodes the empty string as no memberships', () => {
    expect(decodeMemberships('')).toEqual({});
  });

  it.each([
    ['an entry without a prefix length', '/x=a'],
    ['an entry without =', '0:/x'],
    ['an entry with an unknown role code', '0:/x=x'],
    ['an entry whose role is an Object.prototype name', '0:/x=toString'],
    ['an entry whose role is __proto__', '0:/x=__proto__'],
    ['an empty entry', ''],
  ])('ignores %s and keeps the well-formed entries before it', (_label, malformed) => {
    // Act
    const decoded = decodeMemberships(`0:/acme=r,${malformed}`);

    // Assess
    expect(decoded).toEqual({ '/acme': 'reader' });
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
  });

  it('keeps 300 memberships with ids of the maximum length within one tenant under 4 KB', () => {
    // Prepare: 114-character ids, the longest allowed, differing only in their last segment.
    const roles: Role[] = ['reader', 'contributor', 'admin'];
    const memberships: Record<string, Role> = {};
    const stem = `/${'a'.repeat(50)}/${'b'.repeat(50)}/team-`;
    for (let i = 0; i < 300; i += 1) memberships[`${stem}${String(i).padStart(114 - stem.length, '0')}`] = roles[i % 3]!;

    // Act
    const encoded = encodeMemberships(memberships);

    // Assess
    expect(Object.keys(memberships)[0]).toHaveLength(114);
    expect(Buffer.byteLength(encoded, 'utf8')).toBeLessThan(4 * 1024);
    expect(decodeMemberships(encoded)).toEqual(memberships);
  });
});
