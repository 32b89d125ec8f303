import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { decodePathSegment } from '../../shared/api/pathSegment.ts';
import { emailSchema, groupIdSchema } from '../../shared/api/schemas/common.ts';
import { parseRequestPart } from '../../shared/http/validation.ts';
import { thrownBy } from './helpers.ts';

describe('parseRequestPart', () => {
  const bodySchema = z.object({ name: z.string().min(1), count: z.number().int() });

  it('returns the parsed value when it matches the schema', () => {
    expect(parseRequestPart('body', bodySchema, { name: 'acme', count: 2 })).toEqual({ name: 'acme', count: 2 });
  });

  it('returns the transformed value of the schema', () => {
    expect(parseRequestPart('path', z.object({ groupId: groupIdSchema }), { groupId: '%2Facme' })).toEqual({ groupId: '/acme' });
  });

  it('refuses a value that does not match the schema with 400', () => {
    expect(thrownBy(() => parseRequestPart('body', bodySchema, { name: '', count: 2 })).statusCode).toBe(400);
  });

  it('lists every issue in details with where it was found', () => {
    // Act
    const error = thrownBy(() => parseRequestPart('body', bodySchema, { name: '', count: 1.5 }));

    // Assess
    expect(error.details).toEqual([
      { in: 'body', path: 'name', message: expect.any(String) },
      { in: 'body', path: 'count', message: expect.any(String) },
    ]);
  });

  it('names the part and the first invalid field in the message', () => {
    expect(thrownBy(() => parseRequestPart('path', z.object({ groupId: groupIdSchema }), { groupId: '/a b' })).message).toMatch(
      /^Invalid path parameter groupId: /,
    );
  });

  it('refuses a missing body on a route that declares one with 400', () => {
    // Act
    const error = thrownBy(() => parseRequestPart('body', bodySchema, undefined));

    // Assess
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('Request body is required');
  });

  it('refuses a body on a route that declares none with 400', () => {
    // Act
    const error = thrownBy(() => parseRequestPart('body', undefined, { name: 'acme' }));

    // Assess
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('This route takes no request body');
  });

  it('returns undefined for an absent body on a route that declares none', () => {
    expect(parseRequestPart('body', undefined, undefined)).toBeUndefined();
  });
});

describe('decodePathSegment', () => {
  it('decodes a url-encoded segment', () => {
    expect(decodePathSegment('%2Facme%2Ffinance')).toBe('/acme/finance');
  });

  it('leaves an already decoded segment alone', () => {
    expect(decodePathSegment('/acme/finance')).toBe('/acme/finance');
  });

  it('returns a malformed escape sequence unchanged instead of throwing', () => {
    expect(decodePathSegment('%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('groupIdSchema', () => {
  it('decodes %2Facme%2FFinance to /acme/finance', () => {
    expect(groupIdSchema.parse('%2Facme%2FFinance')).toBe('/acme/finance');
  });

  it('accepts a decoded id as API Gateway may pass it', () => {
    expect(groupIdSchema.parse('/acme/finance')).toBe('/acme/finance');
  });

  it('accepts the root, url-encoded', () => {
    expect(groupIdSchema.parse('%2F')).toBe('/');
  });

  it.each([
    ['an empty segment', '%2Facme%2F%2Ffinance'],
    ['a space', '%2Facme%20finance'],
    ['an underscore', '/acme_finance'],
    ['a comma', '/acme,x'],
    ['an equals sign', '/acme=a'],
    ['115 characters', `/${'a'.repeat(114)}`],
    ['the empty string', ''],
  ])('rejects an id with %s (%j)', (_label, raw) => {
    expect(groupIdSchema.safeParse(raw).success).toBe(false);
  });
});

describe('emailSchema', () => {
  it('lower-cases an email', () => {
    expect(emailSchema.parse('Ann@ACME.com')).toBe('ann@acme.com');
  });

  it('trims whitespace around an email', () => {
    expect(emailSchema.parse('  ann@acme.com ')).toBe('ann@acme.com');
  });

  it.each(['', 'ann', 'ann@', '@acme.com', 'ann@@acme.com', 'ann acme@acme.com', 'ann@acme', `${'a'.repeat(250)}@acme.com`])(
    'rejects %j',
    (raw) => {
      expect(emailSchema.safeParse(raw).success).toBe(false);
    },
  );
});
