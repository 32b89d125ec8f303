/**
 * Sessions and authentication end to end against the local stack: logout, ending a user's
 * sessions, forgot/reset through the outbox, TOTP MFA, groups that require MFA, brute-force
 * lockout and login history.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login, randomLoopbackAddress } from './support/api.ts';
import { createTestUser, testTable, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';
import { waitForCode } from './support/outbox.ts';
import { totpCode } from './support/totp.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function createTenant(body: Record<string, unknown> = {}): Promise<string> {
  const response = await api('POST', '/groups', {
    token: rootToken,
    groupContext: '/',
    body: { name: uniqueGroupName('s'), ...body },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;

describe('POST /auth/logout', () => {
  it('rejects the old access token and refresh token afterwards, and a new login works', async () => {
    // Prepare
    const tenant = await createTenant();
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const tokens = await login(user.email, user.password);

    // Act
    const response = await api('POST', '/auth/logout', {
      token: tokens.accessToken,
      body: { refreshToken: tokens.refreshToken },
    });

    // Assess
    expect(response.status).toBe(204);
    expect((await api('GET', '/users/me', { token: tokens.idToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
    const again = await login(user.email, user.password);
    expect((await api('GET', '/users/me', { token: again.accessToken })).status).toBe(200);
  });
});

describe('DELETE /users/{email}/sessions', () => {
  it('lets an admin of all the user’s groups end every session of the user', async () => {
    const tenant = await createTenant();
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const tokens = await login(user.email, user.password);

    const response = await api('DELETE', `${userPath(user.email)}/sessions`, { token: rootToken, groupContext: tenant });

    expect(response.status).toBe(204);
    expect((await api('GET', '/users/me', { token: tokens.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
  });

  it('refuses a fellow member who is not an admin with 403', async () => {
    const tenant = await createTenant();
    const target = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const colleague = await createTestUser({ memberships: { [tenant]: 'contributor' } });
    const { accessToken } = await login(colleague.email, colleague.password);

    expect((await api('DELETE', `${userPath(target.email)}/sessions`, { token: accessToken, groupContext: tenant })).status).toBe(
      403,
    );
  });
});

describe('forgot and reset password', () => {
  it('answers 202 whether or not the email has an account', async () => {
    const unknown = await api('POST', '/auth/password/forgot', { body: { email: uniqueEmail('nobody') } });
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const known = await api('POST', '/auth/password/forgot', { body: { email: user.email } });

    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
  });

  it('resets the password with the code from the outbox, checks the policy, and ends existing sessions', async () => {
    // Prepare
    const tenant = await createTenant();
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const before = await login(user.email, user.password);
    await api('POST', '/auth/password/forgot', { body: { email: user.email } });
    const code = await waitForCode(user.email);

    // Act
    const wrongCode = await api('POST', '/auth/password/reset', {
      body: { email: user.email, code: '000000x', newPassword: 'Reset-Passw0rd-ok' },
    });
    const weak = await api('POST', '/auth/password/reset', { body: { email: user.email, code, newPassword: 'weakpassword' } });
    const reset = await api('POST', '/auth/password/reset', {
      body: { email: user.email, code, newPassword: 'Reset-Passw0rd-ok' },
    });

    // Assess
    expect(wrongCode.status).toBe(400);
    expect(weak.status).toBe(400);
    expect(weak.body.message).toContain('upper-case');
    expect(reset.status).toBe(204);
    expect((await api('GET', '/users/me', { token: before.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email: user.email, password: 'Reset-Passw0rd-ok' } })).status).toBe(200);
  });

  it('answers an unknown email at reset exactly like a wrong code', async () => {
    const unknown = await api('POST', '/auth/password/reset', {
      body: { email: uniqueEmail('nobody'), code: '123456', newPassword: 'Reset-Passw0rd-ok' },
    });
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const wrong = await api('POST', '/auth/password/reset', {
      body: { email: user.email, code: '999999x', newPassword: 'Reset-Passw0rd-ok' },
    });

    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(wrong.body);
  });
});

describe('TOTP MFA', () => {
  it('enrols an authenticator, then login answers SOFTWARE_TOKEN_MFA and a computed code completes it', async () => {
    // Prepare
    const tenant = await createTenant();
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const { accessToken } = await login(user.email, user.password);

    // Act: enrol
    const setup = await api('POST', '/auth/mfa/totp/setup', { token: accessToken });
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const verified = await api('POST', '/auth/mfa/totp/verify', {
      token: accessToken,
      body: { code: totpCode(setup.body.secret) },
    });
    expect(verified.status).toBe(204);

    // Act: log in again
    const first = await api('POST', '/auth/login', { body: user });
    expect(first.body).toMatchObject({ challenge: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) });
    const wrong = await api('POST', '/auth/challenge', {
      body: { email: user.email, challenge: 'SOFTWARE_TOKEN_MFA', session: first.body.session, code: '000000' },
    });
    const second = await api('POST', '/auth/login', { body: user });
    const answered = await api('POST', '/auth/challenge', {
      body: {
        email: user.email,
        challenge: 'SOFTWARE_TOKEN_MFA',
        session: second.body.session,
        code: totpCode(setup.body.secret, 1),
      },
    });

    // Assess
    expect(wrong.status).toBe(401);
    expect(answered.status).toBe(200);
    expect((await api('GET', '/users/me', { token: answered.body.accessToken })).status).toBe(200);
  });

  it('refuses an ID token for enrolment with 403: ID tokens change nothing', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const { idToken } = await login(user.email, user.password);

    expect((await api('POST', '/auth/mfa/totp/setup', { token: idToken })).status).toBe(403);
  });

  it('denies members without MFA everywhere under a group that requires it, but lets them reach their own record', async () => {
    // Prepare
    const tenant = await createTenant();
    const finance = (await api('POST', '/groups', { token: rootToken, groupContext: tenant, body: { name: 'finance' } })).body.id;
    expect(
      (await api('PATCH', groupPath(tenant), { token: rootToken, body: { configuration: { security: { mfaRequired: true } } } }))
        .status,
    ).toBe(200);
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const { accessToken } = await login(user.email, user.password);

    // Act
    const denied = await api('GET', groupPath(finance), { token: accessToken, groupContext: tenant });
    const me = await api('GET', '/users/me', { token: accessToken });

    // Assess: the root admin, without MFA too, is held to the same rule inside the tenant.
    expect(denied.status).toBe(403);
    expect(denied.body.message).toMatch(/MFA is required/);
    expect(me.status).toBe(200);
    expect((await api('GET', groupPath(finance), { token: rootToken })).status).toBe(403);
  });
});

describe('brute-force lockout and login history', () => {
  it('locks an account after 5 failures: 429 with Retry-After even with the right password, audited', async () => {
    // Prepare: failures from several addresses, so only the account's own count can lock it.
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const wrong = () =>
      api('POST', '/auth/login', {
        body: { email: user.email, password: 'Wrong-password-1' },
        sourceAddress: randomLoopbackAddress(),
      });
    for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);

    // Act
    const fifth = await wrong();
    const rightPassword = await api('POST', '/auth/login', { body: user, sourceAddress: randomLoopbackAddress() });

    // Assess
    expect(fifth.status).toBe(429);
    expect(rightPassword.status).toBe(429);
    expect(Number(rightPassword.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const { Items } = await testTable().doc.send(
      new QueryCommand({
        TableName: testTable().tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#session#account:${user.email}` },
      }),
    );
    expect(Items?.map((item) => item.type)).toEqual(['login.locked']);
  });

  it('locks unknown emails the same way, so lockouts reveal nothing', async () => {
    const email = uniqueEmail('ghost');
    const from = randomLoopbackAddress();
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await api('POST', '/auth/login', { body: { email, password: 'Wrong-password-1' }, sourceAddress: from })).status,
      );

    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('resets the count after a successful login', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const from = randomLoopbackAddress();
    for (let i = 0; i < 4; i++)
      await api('POST', '/auth/login', { body: { email: user.email, password: 'Wrong-password-1' }, sourceAddress: from });
    await login(user.email, user.password, { sourceAddress: from });

    const afterReset = await api('POST', '/auth/login', {
      body: { email: user.email, password: 'Wrong-password-1' },
      sourceAddress: from,
    });

    expect(afterReset.status).toBe(401);
  });

  it('locks a source address after 20 failures across accounts, and only that address', async () => {
    // Prepare: 20 wrong passwords for 20 different emails, all from one address.
    const attacker = randomLoopbackAddress();
    for (let i = 0; i < 20; i++)
      await api('POST', '/auth/login', {
        body: { email: uniqueEmail('spray'), password: 'Wrong-password-1' },
        sourceAddress: attacker,
      });
    const user = await createTestUser({ memberships: { '/': 'reader' } });

    // Act
    const fromAttacker = await api('POST', '/auth/login', { body: user, sourceAddress: attacker });
    const fromElsewhere = await api('POST', '/auth/login', { body: user, sourceAddress: randomLoopbackAddress() });

    // Assess
    expect(fromAttacker.status).toBe(429);
    expect(fromAttacker.body.message).toMatch(/this address/);
    expect(fromElsewhere.status).toBe(200);
  });

  it('records every attempt with time, source IP, user agent and outcome, newest first, for the user and their admins', async () => {
    // Prepare
    const tenant = await createTenant();
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    await api('POST', '/auth/login', {
      body: { email: user.email, password: 'Wrong-password-1' },
      headers: { 'User-Agent': 'history-test' },
    });
    const { accessToken } = await login(user.email, user.password);

    // Act
    const own = await api('GET', `${userPath(user.email)}/logins`, { token: accessToken, groupContext: tenant });
    const byAdmin = await api('GET', `${userPath(user.email)}/logins?count=1`, { token: rootToken, groupContext: tenant });
    const other = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const byColleague = await api('GET', `${userPath(user.email)}/logins`, {
      token: (await login(other.email, other.password)).accessToken,
      groupContext: tenant,
    });

    // Assess
    expect(own.status).toBe(200);
    expect(own.body.logins.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['success', 'failure']);
    expect(own.body.logins[1]).toMatchObject({
      sourceIp: expect.stringMatching(/^127\./),
      userAgent: 'history-test',
      at: expect.any(String),
    });
    expect(byAdmin.body.logins).toHaveLength(1);
    expect(byAdmin.body.pagination?.lastEvaluatedToken).toEqual(expect.any(String));
    expect(byColleague.status).toBe(403);
  });
});
