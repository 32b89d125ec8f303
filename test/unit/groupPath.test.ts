import { describe, expect, it } from 'vitest';
import {
  childGroupId,
  groupDepth,
  isValidGroupId,
  isWithin,
  MAX_GROUP_ID_LENGTH,
  normaliseGroupId,
  parentGroupId,
  selfAndAncestors,
} from '../../shared/domain/groupPath.ts';

/** A valid id of exactly `length` characters: `/aaa…`. */
const idOfLength = (length: number) => `/${'a'.repeat(length - 1)}`;

describe('normaliseGroupId', () => {
  it.each([
    ['/acme/finance', '/acme/finance'],
    ['/ACME/Finance', '/acme/finance'],
    ['acme/finance', '/acme/finance'],
    ['/acme/finance/', '/acme/finance'],
    ['/acme/finance///', '/acme/finance'],
    ['  /acme  ', '/acme'],
    ['/', '/'],
    ['', '/'],
    ['   ', '/'],
  ])('normalises %j to %j', (raw, expected) => {
    // Act
    const normalised = normaliseGroupId(raw);

    // Assess
    expect(normalised).toBe(expected);
  });
});

describe('isValidGroupId', () => {
  it.each(['/', '/acme', '/acme/finance', '/acme/finance/payables', '/a-1/b-2', '/0'])('accepts %j', (id) => {
    expect(isValidGroupId(id)).toBe(true);
  });

  it('accepts an id of exactly the maximum length (114 characters)', () => {
    // Prepare
    const id = idOfLength(MAX_GROUP_ID_LENGTH);

    // Act / Assess
    expect(MAX_GROUP_ID_LENGTH).toBe(114);
    expect(isValidGroupId(id)).toBe(true);
  });

  it('rejects an id one character over the maximum length (115 characters)', () => {
    expect(isValidGroupId(idOfLength(MAX_GROUP_ID_LENGTH + 1))).toBe(false);
  });

  it.each(['', 'acme', 'acme/finance'])('rejects %j because it does not start with a slash', (id) => {
    expect(isValidGroupId(id)).toBe(false);
  });

  it.each(['/acme/', '/acme//finance', '//acme', '//'])('rejects %j because it has an empty segment', (id) => {
    expect(isValidGroupId(id)).toBe(false);
  });

  it.each([
    '/acme finance',
    '/acme_finance',
    '/acme.finance',
    '/acme=a',
    '/acme,x',
    '/acme%2Ffinance',
    '/acmé',
    '/acme/fin\nance',
  ])('rejects %j because it contains a character outside letters, digits and hyphens', (id) => {
    expect(isValidGroupId(id)).toBe(false);
  });
});

describe('childGroupId', () => {
  it('puts a child of the root directly under /', () => {
    expect(childGroupId('/', 'acme')).toBe('/acme');
  });

  it('appends the child name to a non-root parent with one slash', () => {
    expect(childGroupId('/acme', 'finance')).toBe('/acme/finance');
  });

  it('lower-cases the child name', () => {
    expect(childGroupId('/acme', 'Finance')).toBe('/acme/finance');
  });
});

describe('parentGroupId', () => {
  it.each([
    ['/acme/finance/payables', '/acme/finance'],
    ['/acme/finance', '/acme'],
    ['/acme', '/'],
  ])('gives %j the parent %j', (id, parent) => {
    expect(parentGroupId(id)).toBe(parent);
  });

  it('gives the root no parent', () => {
    expect(parentGroupId('/')).toBeUndefined();
  });
});

describe('selfAndAncestors', () => {
  it('lists the group itself, then each ancestor nearest first, ending with the root', () => {
    expect(selfAndAncestors('/acme/finance/payables')).toEqual(['/acme/finance/payables', '/acme/finance', '/acme', '/']);
  });

  it('lists only the root for the root', () => {
    expect(selfAndAncestors('/')).toEqual(['/']);
  });
});

describe('isWithin', () => {
  it.each([
    ['/acme', '/acme'],
    ['/acme/finance', '/acme'],
    ['/acme/finance/payables', '/acme'],
    ['/acme', '/'],
    ['/', '/'],
  ])('%j is within %j', (id, ancestor) => {
    expect(isWithin(id, ancestor)).toBe(true);
  });

  it.each([
    ['/acme', '/ac'],
    ['/acmex', '/acme'],
    ['/acme-x/finance', '/acme'],
    ['/acme', '/acme/finance'],
    ['/', '/acme'],
    ['/globex', '/acme'],
  ])('%j is not within %j', (id, ancestor) => {
    expect(isWithin(id, ancestor)).toBe(false);
  });
});

describe('groupDepth', () => {
  it.each([
    ['/', 0],
    ['/acme', 1],
    ['/acme/finance', 2],
    ['/acme/finance/payables', 3],
  ])('gives %j depth %i', (id, depth) => {
    expect(groupDepth(id)).toBe(depth);
  });
});
