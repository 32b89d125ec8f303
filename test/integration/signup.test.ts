/**
 * Business self sign-up end to end: POST /signup → the code from the outbox → POST
 * /signup/confirm, whose Cognito post-confirmation trigger (cognito-local calling the local
 * gateway's Lambda Invoke endpoint) creates the sole-trader tenant → the owner logs in as its
 * admin and of nothing else. Plus: no enumeration, bad codes, the password policy, the per-IP limit.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { SIGNUP_POLICY } from '../../shared/config/signup.ts';
import { api, groupPath, login, randomLoopbackAddress } from './support/api.ts';
import { uniqueEmail } from './support/fixtures.ts';
import { waitForCode } from './support/outbox.ts';

const PASSWORD = 'Owner-Passw0rd-123!';

const codeFor = (email: string) => waitForCode(email);

const uniqueBusiness = () => {
  const suffix = randomUUID().slice(0, 8);
  return { name: `Biz ${suffix} Ltd`, slug: `/biz-${suffix}-ltd` };
};

describe('business sign-up', () => {
  it('signs up, confirms with the emailed code and makes the owner admin of a new sole-trader tenant and of nothing else', async () => {
    // Prepare
    const email = uniqueEmail('owner');
    const business = uniqueBusiness();

    // Act
    const signup = await api('POST', '/signup', { body: { businessName: business.name, email, password: PASSWORD } });
    const code = await codeFor(email);
    const confirm = await api('POST', '/signup/confirm', { body: { email, code } });
    const { accessToken } = await login(email, PASSWORD);

    // Assess
    expect(signup.status).toBe(202);
    expect(confirm.status).toBe(204);
    const me = await api('GET', '/users/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body.groups).toEqual({ [business.slug]: 'admin' });
    expect(me.body.state).toBe('active');
    const tenant = await api('GET', groupPath(business.slug), { token: accessToken });
    expect(tenant.status).toBe(200);
    expect(tenant.body.plan).toBe('sole-trader');
    expect((await api('GET', groupPath('/'), { token: accessToken })).status).toBe(404);
    const second = await api('POST', '/users', {
      token: accessToken,
      groupContext: business.slug,
      body: { email: uniqueEmail('second'), role: 'reader' },
    });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('sole-trader plan allows 1 user');
  });

  it('answers a second sign-up with the same email with the same 202 and keeps the first business', async () => {
    // Prepare: a confirmed owner
    const email = uniqueEmail('dup');
    const first = uniqueBusiness();
    const firstSignup = await api('POST', '/signup', { body: { businessName: first.name, email, password: PASSWORD } });
    expect(firstSignup.status, JSON.stringify(firstSignup.body)).toBe(202);
    expect((await api('POST', '/signup/confirm', { body: { email, code: await codeFor(email) } })).status).toBe(204);

    // Act
    const again = await api('POST', '/signup', {
      body: { businessName: uniqueBusiness().name, email, password: 'Another-Passw0rd-9!' },
    });

    // Assess
    expect(again.status).toBe(firstSignup.status);
    expect(again.body).toEqual(firstSignup.body);
    const { accessToken } = await login(email, PASSWORD);
    expect((await api('GET', '/users/me', { token: accessToken })).body.groups).toEqual({ [first.slug]: 'admin' });
  });

  it('answers a sign-up of an email that already has an account (an invited user) exactly like a new one', async () => {
    const fresh = await api('POST', '/signup', {
      body: { businessName: uniqueBusiness().name, email: uniqueEmail('new'), password: PASSWORD },
    });
    const existing = await api('POST', '/signup', {
      body: { businessName: uniqueBusiness().name, email: inject('stack').admin.email, password: PASSWORD },
    });

    expect(existing.status).toBe(202);
    expect(existing.body).toEqual(fresh.body);
    expect(existing.headers.get('content-type')).toEqual(fresh.headers.get('content-type'));
  });

  it('refuses a wrong code with 400 and creates nothing; an unknown email gets the same 400', async () => {
    const email = uniqueEmail('badcode');
    expect(
      (await api('POST', '/signup', { body: { businessName: uniqueBusiness().name, email, password: PASSWORD } })).status,
    ).toBe(202);
    const code = await codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';

    const bad = await api('POST', '/signup/confirm', { body: { email, code: wrong } });
    const unknown = await api('POST', '/signup/confirm', { body: { email: uniqueEmail('ghost'), code: wrong } });

    expect(bad.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe(bad.body.message);
    // Not confirmed: the login is refused like any wrong credentials.
    expect((await api('POST', '/auth/login', { body: { email, password: PASSWORD } })).status).toBe(401);
    // The right code still works afterwards.
    expect((await api('POST', '/signup/confirm', { body: { email, code } })).status).toBe(204);
    // And a code cannot be used twice.
    expect((await api('POST', '/signup/confirm', { body: { email, code } })).status).toBe(400);
  });

  it('refuses a weak password with 400 naming the rule', async () => {
    const email = uniqueEmail('weak');

    const response = await api('POST', '/signup', { body: { businessName: uniqueBusiness().name, email, password: 'short' } });

    expect(response.status).toBe(400);
    expect(response.body.message).toContain('at least 12 characters');
  });

  it(`limits one source address to ${SIGNUP_POLICY.perIpPerHour} sign-ups an hour, then answers 429 with Retry-After`, async () => {
    const sourceAddress = randomLoopbackAddress();
    for (let i = 0; i < SIGNUP_POLICY.perIpPerHour; i++) {
      const ok = await api('POST', '/signup', {
        sourceAddress,
        body: { businessName: uniqueBusiness().name, email: uniqueEmail('burst'), password: PASSWORD },
      });
      expect(ok.status).toBe(202);
    }

    const limited = await api('POST', '/signup', {
      sourceAddress,
      body: { businessName: uniqueBusiness().name, email: uniqueEmail('burst'), password: PASSWORD },
    });
    const elsewhere = await api('POST', '/signup', {
      sourceAddress: randomLoopbackAddress(),
      body: { businessName: uniqueBusiness().name, email: uniqueEmail('other'), password: PASSWORD },
    });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect(elsewhere.status).toBe(202);
  });
});
