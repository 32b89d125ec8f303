/**
 * The many-`*` attack: anyone can become an admin of their own tenant through sign-up, define a
 * custom role whose patterns are mostly `*`, and make the service check long actions against it.
 * Inputs past the limits are refused with 400; the largest allowed role against the longest allowed
 * action is matched segment by segment and answers correctly (its cost is in `npm run bench`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LIMITS } from '../../shared/domain/access/permissions.ts';
import { adminCredentials, api, login } from './support/api.ts';
import { uniqueEmail, uniqueGroupName } from './support/fixtures.ts';

let rootToken: string;
let tenant: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
  tenant = (await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('stars') } })).body
    .id;
});

const stars = (count: number) => Array.from({ length: count }, () => '*').join(':');
/** The longest allowed action: 8 segments, 128 characters, ending with `last`. */
const longestAction = (last: string) => {
  const segments = ACTION_LIMITS.maxSegments;
  const letters = ACTION_LIMITS.maxLength - (segments - 1) - last.length;
  const per = Math.floor(letters / (segments - 1));
  const parts = Array.from({ length: segments - 1 }, (_, i) => 'a'.repeat(i === 0 ? letters - per * (segments - 2) : per));
  return [...parts, last].join(':');
};
/** The largest allowed role: 50 patterns of 8 segments, 7 of them `*`. */
const worstPatterns = Array.from({ length: ACTION_LIMITS.maxPatternsPerRole }, (_, i) => `${stars(7)}:p${i}`);

const defineRole = (name: string, actions: string[]) =>
  api('POST', '/roles', { token: rootToken, groupContext: tenant, body: { name, actions } });

async function memberWithRole(role: string): Promise<string> {
  const email = uniqueEmail('stars');
  const granted = await api('POST', '/users', {
    token: rootToken,
    groupContext: tenant,
    body: { email, role, password: 'Temporary-Passw0rd' },
  });
  expect(granted.status).toBe(201);
  const first = await api('POST', '/auth/login', { body: { email, password: 'Temporary-Passw0rd' } });
  const answered = await api('POST', '/auth/challenge', {
    body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'Chosen-Passw0rd!' },
  });
  return answered.body.accessToken;
}

describe('action patterns and actions are bounded', () => {
  it('refuses a pattern of more than 8 segments with 400', async () => {
    const response = await defineRole('too-deep', [stars(ACTION_LIMITS.maxSegments + 1)]);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
  });

  it('refuses a pattern longer than 128 characters with 400', async () => {
    const response = await defineRole('too-long', [`payments:${'a'.repeat(ACTION_LIMITS.maxLength)}`]);

    expect(response.status).toBe(400);
  });

  it('refuses a role of more than 50 patterns with 400', async () => {
    const patterns = Array.from({ length: ACTION_LIMITS.maxPatternsPerRole + 1 }, (_, i) => `payments:p${i}`);

    const response = await defineRole('too-many', patterns);

    expect(response.status).toBe(400);
  });

  it('refuses checking an action of more than 8 segments or 128 characters with 400', async () => {
    const deep = Array.from({ length: ACTION_LIMITS.maxSegments + 1 }, () => 'a').join(':');
    const long = `payments:${'a'.repeat(ACTION_LIMITS.maxLength)}`;

    const deepCheck = await api('POST', '/authorizations/check', { token: rootToken, body: { action: deep } });
    const longCheck = await api('POST', '/authorizations/check', { token: rootToken, body: { action: long } });

    expect(deepCheck.status).toBe(400);
    expect(longCheck.status).toBe(400);
  });

  it('matches the largest allowed role against the longest allowed actions correctly', async () => {
    expect(longestAction('zz')).toHaveLength(ACTION_LIMITS.maxLength);
    expect((await defineRole('many-stars', worstPatterns)).status).toBe(201);
    const token = await memberWithRole('many-stars');
    const check = (action: string) => ({ action, groupId: tenant });

    const response = await api('POST', '/authorizations/check-batch', {
      token,
      body: { checks: [...Array.from({ length: 99 }, () => check(longestAction('zz'))), check(longestAction('p49'))] },
    });

    expect(response.status).toBe(200);
    const allowed = (response.body.results as { allowed: boolean }[]).map((result) => result.allowed);
    expect(allowed.slice(0, 99).every((value) => value === false)).toBe(true);
    expect(allowed[99]).toBe(true);
  });
});
