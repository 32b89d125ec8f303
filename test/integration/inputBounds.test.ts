/**
 * Inputs that once answered 500, or that no request should be able to send: each is refused
 * with a 4xx in the JSON error shape before anything is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, login } from './support/api.ts';
import { createTestUser, uniqueGroupName } from './support/fixtures.ts';

let adminToken: string;

beforeAll(async () => {
  adminToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

const createGroup = (body: Record<string, unknown>) =>
  api('POST', '/groups', { token: adminToken, groupContext: '/', body: { name: uniqueGroupName('bounds'), ...body } });

const nested = (depth: number): unknown => (depth === 0 ? true : { level: nested(depth - 1) });

describe('group configuration', () => {
  it.each([
    ['an empty key', { '': 1 }, 'Configuration keys are 1 to 128 characters'],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}'), 'may not be __proto__'],
    ['a constructor key', { security: { constructor: { prototype: {} } } }, 'may not be __proto__, constructor or prototype'],
    ['nine levels', nested(9), 'nested at most 8 levels deep'],
    ['a number DynamoDB cannot store exactly', { limit: -4e141 }, 'Numbers are at most'],
    ['more than 16 KB', { big: 'x'.repeat(16 * 1024) }, 'at most 16384 bytes'],
  ])('refuses %s with 400 naming the rule', async (_, configuration, rule) => {
    // Act
    const response = await createGroup({ configuration });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message).toContain(rule);
  });

  it('accepts eight levels', async () => {
    // Act
    const response = await createGroup({ configuration: nested(7) as Record<string, unknown> });

    // Assess
    expect(response.status).toBe(201);
  });
});

describe('emails', () => {
  it('refuses an email over 128 characters (Cognito’s limit) before inviting anyone', async () => {
    // Prepare
    const email = `${'a'.repeat(129 - '@example.com'.length)}@example.com`;

    // Act
    const response = await api('POST', '/users', { token: adminToken, groupContext: '/', body: { email, role: 'reader' } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('at most 128 characters');
  });
});

describe('listings', () => {
  it('refuses more than 10 tag filters', async () => {
    // Prepare
    const filters = Array.from({ length: 11 }, (_, i) => `tags=k${i}:v`).join('&');

    // Act
    const response = await api('GET', `/groups?${filters}`, { token: adminToken, groupContext: '/' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('At most 10 tag filters');
  });

  it.each(['toString', '__proto__', 'constructor'])(
    'treats a query parameter named %s as an ordinary unknown parameter',
    async (name) => {
      // Act
      const response = await api('GET', `/groups/%2F?${name}=false`, { token: adminToken });

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.id).toBe('/');
    },
  );
});

describe('MFA enrolment', () => {
  it('answers 409 to a code when no authenticator is being set up', async () => {
    // Prepare
    const user = await createTestUser({ memberships: {} });
    const { accessToken } = await login(user.email, user.password);

    // Act
    const response = await api('POST', '/auth/mfa/totp/verify', { token: accessToken, body: { code: '000000' } });

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.message).toContain('POST /auth/mfa/totp/setup');
  });
});
