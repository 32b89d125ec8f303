/**
 * Sensitive changes need a fresh proof, written as the attacks of a stolen token: a password
 * change with only an ID token, or from a stale session without the current password; a TOTP
 * re-enrolment from a stale session; a revoked token inside the authorizer cache window trying
 * to change the password. SIF clients that log in and change the password at once keep working.
 */
import { describe, expect, it } from 'vitest';
import { api, login } from './support/api.ts';
import { createTestUser } from './support/fixtures.ts';
import { ageSessions } from './support/sessions.ts';
import { totpCode } from './support/totp.ts';

const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;
const NEW_PASSWORD = 'Brand-New-Passw0rd!';

describe('changing one’s password', () => {
  it('is refused with only an ID token, and the password stays', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const { idToken } = await login(user.email, user.password);

    // Act
    const response = await api('PATCH', userPath(user.email), { token: idToken, body: { password: NEW_PASSWORD } });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/access token/);
    expect((await api('POST', '/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);
  });

  it('is refused from a session older than 5 minutes without currentPassword, or with a wrong one', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const { accessToken } = await login(user.email, user.password);
    await ageSessions(user.email, 10);

    // Act
    const without = await api('PATCH', userPath(user.email), { token: accessToken, body: { password: NEW_PASSWORD } });
    const wrong = await api('PATCH', userPath(user.email), {
      token: accessToken,
      body: { password: NEW_PASSWORD, currentPassword: 'Not-The-Passw0rd!' },
    });

    // Assess
    expect(without.status).toBe(403);
    expect(without.body.message).toMatch(/currentPassword/);
    expect(wrong.status).toBe(403);
    expect((await api('POST', '/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);
  });

  it('is allowed from a stale session with the right currentPassword', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const { accessToken } = await login(user.email, user.password);
    await ageSessions(user.email, 10);

    // Act
    const response = await api('PATCH', userPath(user.email), {
      token: accessToken,
      body: { password: NEW_PASSWORD, currentPassword: user.password },
    });

    // Assess
    expect(response.status).toBe(204);
    expect((await api('POST', '/auth/login', { body: { email: user.email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('is allowed at once after logging in, and ends every other session of the user', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const other = await login(user.email, user.password);
    const current = await login(user.email, user.password);

    // Act
    const response = await api('PATCH', userPath(user.email), { token: current.accessToken, body: { password: NEW_PASSWORD } });

    // Assess
    expect(response.status).toBe(204);
    expect((await api('GET', '/users/me', { token: other.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(401);
    expect((await api('GET', '/users/me', { token: current.accessToken })).status).toBe(200);
  });

  it('is refused to a revoked token still inside the authorizer cache window, and the token stays dead', async () => {
    // Prepare: the token is decided once (so cached), then its session ends.
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const { accessToken } = await login(user.email, user.password);
    expect((await api('GET', '/users/me', { token: accessToken })).status).toBe(200);
    expect((await api('POST', '/auth/logout', { token: accessToken, body: {} })).status).toBe(204);

    // Act: the cached decision lets the request through to the handler
    const response = await api('PATCH', userPath(user.email), { token: accessToken, body: { password: NEW_PASSWORD } });

    // Assess: refused; the password is unchanged; the same token, decided afresh (a bare JWT is another cache key), is refused
    expect(response.status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email: user.email, password: NEW_PASSWORD } })).status).toBe(401);
    expect((await api('GET', '/users/me', { authorization: accessToken })).status).toBe(401);
  });
});

describe('replacing an enrolled authenticator', () => {
  it('is refused from a session older than 5 minutes, and allowed after logging in again with the code', async () => {
    // Prepare: enrolled, then the session grows stale
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const { accessToken } = await login(user.email, user.password);
    const setup = await api('POST', '/auth/mfa/totp/setup', { token: accessToken });
    expect(
      (await api('POST', '/auth/mfa/totp/verify', { token: accessToken, body: { code: totpCode(setup.body.secret) } })).status,
    ).toBe(204);
    await ageSessions(user.email, 10);

    // Act
    const stale = await api('POST', '/auth/mfa/totp/setup', { token: accessToken });
    const challenge = await api('POST', '/auth/login', { body: { email: user.email, password: user.password } });
    const fresh = await api('POST', '/auth/challenge', {
      body: {
        email: user.email,
        challenge: 'SOFTWARE_TOKEN_MFA',
        session: challenge.body.session,
        code: totpCode(setup.body.secret, 1),
      },
    });
    const again = await api('POST', '/auth/mfa/totp/setup', { token: fresh.body.accessToken });

    // Assess
    expect(stale.status).toBe(403);
    expect(stale.body.message).toMatch(/fresh proof/);
    expect(fresh.status).toBe(200);
    expect(again.status).toBe(200);
  });
});
