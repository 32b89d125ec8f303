/** Login for API clients against cognito-local, with the service's own user checks. */
import { describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { createTestUser, readUserRecord } from './support/fixtures.ts';

describe('POST /auth/login', () => {
  it('returns access, ID and refresh tokens for the seeded admin', async () => {
    const response = await api('POST', '/auth/login', { body: adminCredentials() });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      accessToken: expect.any(String),
      idToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
  });

  it('accepts the email in any case', async () => {
    const response = await api('POST', '/auth/login', {
      body: { ...adminCredentials(), email: adminCredentials().email.toUpperCase() },
    });

    expect(response.status).toBe(200);
  });

  it('gives an unknown email and a wrong password the same 401', async () => {
    const unknown = await api('POST', '/auth/login', { body: { email: 'nobody@example.com', password: 'Whatever-123456' } });
    const wrong = await api('POST', '/auth/login', { body: { email: adminCredentials().email, password: 'Wrong-password-1' } });

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a disabled user with the right password, with the same 401', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' }, state: 'disabled' });

    const response = await api('POST', '/auth/login', { body: user });

    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Incorrect email or password');
  });

  it('turns an invited user active at the first successful login', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' }, state: 'invited' });

    await login(user.email, user.password);

    expect((await readUserRecord(user.email))?.state).toBe('active');
  });
});

describe('POST /auth/challenge', () => {
  it('completes a first login with a temporary password by setting a new one', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' }, state: 'invited', temporary: true });
    const first = await api('POST', '/auth/login', { body: user });
    expect(first.body).toMatchObject({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });

    // Act
    const answered = await api('POST', '/auth/challenge', {
      body: {
        email: user.email,
        challenge: 'NEW_PASSWORD_REQUIRED',
        session: first.body.session,
        newPassword: 'A-brand-new-Passw0rd!',
      },
    });

    // Assess
    expect(answered.status).toBe(200);
    expect(answered.body.accessToken).toEqual(expect.any(String));
    expect((await api('GET', groupPath('/'), { token: answered.body.accessToken })).status).toBe(200);
    expect((await readUserRecord(user.email))?.state).toBe('active');
  });

  it('refuses a new password that breaks the policy with 400 naming the rule', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' }, state: 'invited', temporary: true });
    const first = await api('POST', '/auth/login', { body: user });

    const response = await api('POST', '/auth/challenge', {
      body: {
        email: user.email,
        challenge: 'NEW_PASSWORD_REQUIRED',
        session: first.body.session,
        newPassword: 'alllowercaseletters',
      },
    });

    expect(response.status).toBe(400);
    expect(response.body.message).toContain('Password must contain an upper-case letter');
  });

  it('refuses a challenge answer without the new password', async () => {
    const response = await api('POST', '/auth/challenge', {
      body: { email: 'a@example.com', challenge: 'NEW_PASSWORD_REQUIRED', session: 'x' },
    });

    expect(response.status).toBe(400);
  });
});

describe('POST /auth/refresh', () => {
  it('exchanges a refresh token for fresh tokens that work', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const tokens = await login(user.email, user.password);

    const response = await api('POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } });

    expect(response.status).toBe(200);
    expect((await api('GET', groupPath('/'), { token: response.body.accessToken })).status).toBe(200);
  });

  it('refuses a refresh token whose session has ended', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const tokens = await login(user.email, user.password);
    await api('DELETE', `/users/${encodeURIComponent(user.email)}/sessions`, { token: tokens.accessToken });

    const response = await api('POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } });

    expect(response.status).toBe(401);
  });

  it('refuses a refresh token the service never issued', async () => {
    const response = await api('POST', '/auth/refresh', { body: { refreshToken: 'not-a-token' } });

    expect(response.status).toBe(401);
  });
});
