/**
 * The first login of an invited user, attacked with a guessed temporary password: it must be
 * refused like any wrong password (401) and counted toward the lockout, as Cognito does. Without
 * this, whoever knows an invited email answers NEW_PASSWORD_REQUIRED and takes the account.
 */
import { describe, expect, it } from 'vitest';
import { api, randomLoopbackAddress } from './support/api.ts';
import { createTestUser } from './support/fixtures.ts';

describe('a wrong temporary password', () => {
  it('gets the same 401 as any wrong password, and the right one still gets the challenge', async () => {
    // Prepare
    const invited = await createTestUser({ memberships: { '/': 'reader' }, state: 'invited', temporary: true });
    const active = await createTestUser({ memberships: { '/': 'reader' } });

    // Act
    const guessed = await api('POST', '/auth/login', { body: { email: invited.email, password: 'Guessed-Passw0rd!' } });
    const ordinaryWrong = await api('POST', '/auth/login', { body: { email: active.email, password: 'Guessed-Passw0rd!' } });
    const right = await api('POST', '/auth/login', { body: invited });

    // Assess
    expect(guessed.status).toBe(401);
    expect(guessed.body).toEqual(ordinaryWrong.body);
    expect(guessed.body.session).toBeUndefined();
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });
  });

  it('counts toward the lockout: after 5 guesses even the right temporary password gets 429', async () => {
    // Prepare
    const invited = await createTestUser({ memberships: { '/': 'reader' }, state: 'invited', temporary: true });
    const guess = () =>
      api('POST', '/auth/login', {
        body: { email: invited.email, password: 'Guessed-Passw0rd!' },
        sourceAddress: randomLoopbackAddress(),
      });
    for (let i = 0; i < 4; i++) expect((await guess()).status).toBe(401);

    // Act
    const fifth = await guess();
    const right = await api('POST', '/auth/login', { body: invited, sourceAddress: randomLoopbackAddress() });

    // Assess
    expect(fifth.status).toBe(429);
    expect(right.status).toBe(429);
    expect(right.body.session).toBeUndefined();
  });
});
