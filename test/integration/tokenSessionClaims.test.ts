/**
 * Tokens carry the login they belong to, as Cognito's do with token revocation on: `origin_jti`
 * names the login and stays the same across refreshes, and so does `auth_time`. The session
 * checks rely on both, so the emulator must issue them faithfully.
 */
import { describe, expect, it } from 'vitest';
import { api, login } from './support/api.ts';
import { verifiedClaims } from './support/claims.ts';
import { createTestUser } from './support/fixtures.ts';

/** Token times have one-second precision: wait into the next second, so a renewed auth_time would show. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));

describe('tokens of one login', () => {
  it('share one origin_jti across access and ID tokens, and each login has its own', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });

    // Act
    const first = await login(user.email, user.password);
    const second = await login(user.email, user.password);

    // Assess
    const firstAccess = verifiedClaims(first.accessToken);
    expect(firstAccess.origin_jti).toEqual(expect.any(String));
    expect(verifiedClaims(first.idToken).origin_jti).toBe(firstAccess.origin_jti);
    expect(verifiedClaims(second.accessToken).origin_jti).not.toBe(firstAccess.origin_jti);
  });

  it('keep origin_jti and auth_time when refreshed, with a new jti and iat', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const tokens = await login(user.email, user.password);
    const atLogin = verifiedClaims(tokens.accessToken);
    expect(atLogin.origin_jti).toEqual(expect.any(String));
    await nextSecond();

    // Act
    const refreshed = await api('POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } });

    // Assess
    expect(refreshed.status).toBe(200);
    const access = verifiedClaims(refreshed.body.accessToken);
    const id = verifiedClaims(refreshed.body.idToken);
    expect(access.iat).toBeGreaterThan(atLogin.auth_time);
    expect(access.jti).not.toBe(atLogin.jti);
    expect(access).toMatchObject({ origin_jti: atLogin.origin_jti, auth_time: atLogin.auth_time });
    expect(id).toMatchObject({ origin_jti: atLogin.origin_jti, auth_time: atLogin.auth_time });
    expect((await api('GET', '/users/me', { token: refreshed.body.accessToken })).status).toBe(200);
  });

  it('of a login completed through a challenge can be refreshed, keeping its origin_jti', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' }, state: 'invited', temporary: true });
    const first = await api('POST', '/auth/login', { body: user });
    const answered = await api('POST', '/auth/challenge', {
      body: {
        email: user.email,
        challenge: 'NEW_PASSWORD_REQUIRED',
        session: first.body.session,
        newPassword: 'Chosen-Passw0rd-1!',
      },
    });
    const atLogin = verifiedClaims(answered.body.accessToken);

    // Act
    const refreshed = await api('POST', '/auth/refresh', { body: { refreshToken: answered.body.refreshToken } });

    // Assess
    expect(refreshed.status).toBe(200);
    expect(verifiedClaims(refreshed.body.accessToken)).toMatchObject({
      origin_jti: atLogin.origin_jti,
      auth_time: atLogin.auth_time,
    });
  });
});
