/**
 * The hosted login page's tokens belong to a session the service opened: the callback opens it,
 * so the access token it hands to Swagger UI works, and the user's session list shows it.
 * Driven over HTTP as a browser would (the browser test does the same with Chromium).
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { api } from './support/api.ts';
import { createTestUser } from './support/fixtures.ts';

const hiddenInputs = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]),
  );

describe('the hosted login callback', () => {
  it('opens the session of the tokens it hands over', async () => {
    // Prepare
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const { apiUrl } = inject('stack');
    const start = await fetch(`${apiUrl}/login`, { redirect: 'manual' });
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
    const form = await (await fetch(start.headers.get('location')!, { redirect: 'manual' })).text();
    const signedIn = await fetch(`${apiUrl}/oauth2/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...hiddenInputs(form), username: user.email, password: user.password }),
    });

    // Act
    const callback = await fetch(signedIn.headers.get('location')!, { redirect: 'manual', headers: { cookie } });

    // Assess
    expect(callback.status).toBe(302);
    const accessToken = decodeURIComponent(/access_token=([^&]+)/.exec(callback.headers.get('location') ?? '')![1]!);
    expect((await api('GET', '/users/me', { token: accessToken })).status).toBe(200);
    const sessions = await api('GET', `/users/${encodeURIComponent(user.email)}/sessions`, { token: accessToken });
    expect(sessions.body.sessions).toEqual([expect.objectContaining({ method: 'password', current: true })]);
  });
});
