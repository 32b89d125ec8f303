/**
 * Every token belongs to a session the service opened, written as the attacks: tokens from a
 * login made at Cognito directly, and tokens refreshed at Cognito directly after the session
 * ended, are refused. Listing a user's sessions and ending one of them, end to end.
 */
import { describe, expect, it } from 'vitest';
import { adminCredentials, api, login, randomLoopbackAddress } from './support/api.ts';
import { createTestUser } from './support/fixtures.ts';
import { loginAtCognito, refreshAtCognito } from './support/sessions.ts';

const sessionsPath = (email: string) => `/users/${encodeURIComponent(email)}/sessions`;
/** Token times have one-second precision: sessions opened in distinct seconds have a defined newest-first order. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));

describe('tokens of a login the service never opened', () => {
  it('are refused: a login made at Cognito directly with the public client id gets 401 everywhere', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });

    // Act
    const direct = await loginAtCognito(user.email, user.password);

    // Assess
    expect((await api('GET', '/users/me', { token: direct.accessToken })).status).toBe(401);
    expect((await api('GET', '/users/me', { token: direct.idToken })).status).toBe(401);
    expect(
      (
        await api('PATCH', `/users/${encodeURIComponent(user.email)}`, {
          token: direct.accessToken,
          body: { password: 'Taken-Over-Passw0rd!' },
        })
      ).status,
    ).toBe(401);
  });

  it('cannot outlive a logout by refreshing at Cognito directly', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const tokens = await login(user.email, user.password);
    expect((await api('POST', '/auth/logout', { token: tokens.accessToken, body: {} })).status).toBe(204);
    // Revocation by clock seconds was beaten by a fresh `iat` from the next second: refresh after it.
    await nextSecond();

    // Act
    const refreshed = await refreshAtCognito(tokens.refreshToken);

    // Assess
    expect((await api('GET', '/users/me', { token: refreshed })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
  });
});

describe('GET /users/{email}/sessions', () => {
  it('lists live sessions newest first, a page at a time, with current: true on the caller’s own', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const older = await login(user.email, user.password, { sourceAddress: randomLoopbackAddress() });
    await nextSecond();
    const newer = await login(user.email, user.password);

    // Act
    const first = await api('GET', `${sessionsPath(user.email)}?count=1`, { token: newer.accessToken });
    const second = await api(
      'GET',
      `${sessionsPath(user.email)}?count=1&fromToken=${encodeURIComponent(first.body.pagination.lastEvaluatedToken)}`,
      { token: older.accessToken },
    );

    // Assess
    expect(first.status).toBe(200);
    expect(first.body.sessions).toEqual([
      expect.objectContaining({ method: 'password', current: true, sourceIp: expect.any(String), openedAt: expect.any(String) }),
    ]);
    expect(second.status).toBe(200);
    expect(second.body.sessions).toHaveLength(1);
    expect(second.body.sessions[0].sessionId).not.toBe(first.body.sessions[0].sessionId);
    expect(second.body.sessions[0].current).toBe(true);
    expect(Date.parse(second.body.sessions[0].openedAt)).toBeLessThan(Date.parse(first.body.sessions[0].openedAt));
  });

  it('shows a user’s sessions to an admin of all their groups, never marked current, and not to a fellow reader', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const reader = await createTestUser({ memberships: { '/': 'reader' } });
    await login(user.email, user.password);
    const readerTokens = await login(reader.email, reader.password);
    const admin = await login(adminCredentials().email, adminCredentials().password);

    // Act
    const byAdmin = await api('GET', sessionsPath(user.email), { token: admin.accessToken });
    const byReader = await api('GET', sessionsPath(user.email), { token: readerTokens.accessToken });

    // Assess
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.sessions).toHaveLength(1);
    expect(byAdmin.body.sessions[0].current).toBeUndefined();
    expect(byReader.status).toBe(403);
  });
});

describe('DELETE /users/{email}/sessions/{sessionId}', () => {
  it('ends one session: its tokens and refresh token fail, the user’s other session goes on', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const ended = await login(user.email, user.password);
    const kept = await login(user.email, user.password);
    const listed = await api('GET', sessionsPath(user.email), { token: kept.accessToken });
    const endedId = listed.body.sessions.find((session: { current?: boolean }) => !session.current).sessionId;

    // Act
    const response = await api('DELETE', `${sessionsPath(user.email)}/${endedId}`, { token: kept.accessToken });

    // Assess
    expect(response.status).toBe(204);
    expect((await api('GET', '/users/me', { token: ended.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: ended.refreshToken } })).status).toBe(401);
    expect((await api('GET', '/users/me', { token: kept.accessToken })).status).toBe(200);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: kept.refreshToken } })).status).toBe(200);
    expect((await api('DELETE', `${sessionsPath(user.email)}/${endedId}`, { token: kept.accessToken })).status).toBe(404);
  });
});
