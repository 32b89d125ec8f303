/**
 * Lockout without lock-out attacks. The attack: anyone who knows an email fails its login from
 * their own address until the account locks. Failures from sources where the owner never logged
 * in must not lock the owner out of the source they logged in from; failures from there still do.
 */
import { describe, expect, it } from 'vitest';
import { api, login, randomLoopbackAddress } from './support/api.ts';
import { createTestUser } from './support/fixtures.ts';

const FAILURES_TO_LOCK = 5;

async function failLogins(email: string, sourceAddress: string, times: number) {
  for (let attempt = 0; attempt < times; attempt++) {
    await api('POST', '/auth/login', { body: { email, password: 'Wrong-Guess-Passw0rd!' }, sourceAddress });
  }
}

describe('account lockout by source', () => {
  it('does not lock the owner out of the source they logged in from when an attacker fails elsewhere', async () => {
    // Prepare: the owner logs in from home; the attacker fails from somewhere else until the lock
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const home = randomLoopbackAddress();
    const attacker = randomLoopbackAddress();
    await login(user.email, user.password, { sourceAddress: home });
    await failLogins(user.email, attacker, FAILURES_TO_LOCK);

    // Act
    const owner = await api('POST', '/auth/login', { body: { email: user.email, password: user.password }, sourceAddress: home });
    const attackerWithPassword = await api('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
      sourceAddress: attacker,
    });
    const newPlace = await api('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
      sourceAddress: randomLoopbackAddress(),
    });

    // Assess: the owner gets in at home; every source the owner has not logged in from is locked
    expect(owner.status).toBe(200);
    expect(attackerWithPassword.status).toBe(429);
    expect(newPlace.status).toBe(429);
  });

  it('still locks the owner’s own source when the failures come from there', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const home = randomLoopbackAddress();
    await login(user.email, user.password, { sourceAddress: home });
    await failLogins(user.email, home, FAILURES_TO_LOCK);

    // Act
    const owner = await api('POST', '/auth/login', { body: { email: user.email, password: user.password }, sourceAddress: home });

    // Assess
    expect(owner.status).toBe(429);
    expect(Number(owner.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
