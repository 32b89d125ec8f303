/**
 * Sends tokens, passwords, codes and secrets through real requests to a local stack of its own
 * (logging at DEBUG, metrics on), then reads every structured line it logged: none may contain them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStartCommand, type StartedStack } from './support/startCommand.ts';

const ADMIN_EMAIL = 'log-admin@example.com';
const ADMIN_PASSWORD = 'Admin-Secret-Passw0rd!';
const NEW_PASSWORD = 'Brand-New-Secret-Passw0rd!';
const WRONG_PASSWORD = 'Wrong-Guess-Passw0rd!';
const BODY_PASSWORD = 'Leaky-Body-Passw0rd!';

let stack: StartedStack;

beforeAll(async () => {
  stack = await runStartCommand([process.execPath, '--import', 'tsx', 'infrastructure/local/start.ts'], {
    IAM_ADMIN_EMAIL: ADMIN_EMAIL,
    IAM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    POWERTOOLS_METRICS_DISABLED: 'false',
  });
});

afterAll(async () => {
  await stack?.stop();
});

async function call(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string } = {}) {
  const headers: Record<string, string> = { 'Accept-Version': '1.0.0', 'Content-Type': 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${stack.apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, string>) : {} };
}

/** The service's structured lines (logs and EMF metrics), as they would reach CloudWatch. */
function serviceLines(): string[] {
  return stack
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"service":"sme-iam"'));
}

describe('structured logs', () => {
  it('never contain the tokens, passwords, codes and secrets sent through login, refresh, MFA and password reset', async () => {
    // Act: every route that carries a secret, with the right and the wrong ones
    const login = await call('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    expect(login.status).toBe(200);
    const { accessToken, idToken, refreshToken } = login.body as Record<string, string>;
    expect((await call('GET', '/users/me', { token: accessToken })).status).toBe(200);
    expect((await call('GET', '/users/me', { token: idToken })).status).toBe(200);
    const refreshed = await call('POST', '/auth/refresh', { body: { refreshToken } });
    expect(refreshed.status).toBe(200);
    expect((await call('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: WRONG_PASSWORD } })).status).toBe(401);
    const totp = await call('POST', '/auth/mfa/totp/setup', { token: accessToken });
    expect(totp.status).toBe(200);
    expect((await call('GET', '/groups', { token: `${accessToken}x` })).status).toBe(401);
    const badJson = await call('POST', '/auth/login', { rawBody: `{"email":"${ADMIN_EMAIL}","password":"${BODY_PASSWORD}"` });
    expect(badJson.status).toBe(400);
    expect((await call('POST', '/auth/password/forgot', { body: { email: ADMIN_EMAIL } })).status).toBe(202);
    const outbox = (await (await fetch(`${stack.apiUrl}/dev/outbox?to=${encodeURIComponent(ADMIN_EMAIL)}`)).json()) as {
      messages: { kind: string; body: string }[];
    };
    const code = /code is (\S+)/.exec(outbox.messages.find((message) => message.kind === 'code')?.body ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const reset = await call('POST', '/auth/password/reset', { body: { email: ADMIN_EMAIL, code, newPassword: NEW_PASSWORD } });
    expect(reset.status).toBe(204);
    const relogin = await call('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: NEW_PASSWORD } });
    expect(relogin.status).toBe(200);
    expect(
      (await call('POST', '/auth/logout', { token: relogin.body.accessToken, body: { refreshToken: relogin.body.refreshToken } }))
        .status,
    ).toBe(204);

    // Assess: the lines are there, with request id, route, opaque caller and outcome...
    const lines = serviceLines();
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const finished = parsed.filter((line) => line.message === 'request finished');
    expect(finished.map((line) => `${String(line.route)} ${String(line.statusCode)}`)).toEqual(
      expect.arrayContaining([
        'POST /auth/login 200',
        'POST /auth/login 401',
        'POST /auth/login 400',
        'POST /auth/refresh 200',
        'POST /auth/mfa/totp/setup 200',
        'POST /auth/password/reset 204',
        'POST /auth/logout 204',
      ]),
    );
    for (const line of finished) expect(line.correlation_id).toEqual(expect.any(String));
    expect(parsed.find((line) => line.route === 'GET /users/me' && line.message === 'request finished')?.caller).toMatch(/^u-/);
    expect(parsed.filter((line) => line.message === 'authorizer decision').map((line) => line.decision)).toEqual(
      expect.arrayContaining(['allow', 'deny']),
    );
    expect(parsed.some((line) => 'Logins' in line)).toBe(true);

    // ...and none of the secrets, nor the caller's email
    const text = lines.join('\n');
    const secrets = {
      ADMIN_PASSWORD,
      NEW_PASSWORD,
      WRONG_PASSWORD,
      BODY_PASSWORD,
      accessToken,
      idToken,
      refreshToken,
      refreshedAccessToken: refreshed.body.accessToken,
      reloginAccessToken: relogin.body.accessToken,
      reloginRefreshToken: relogin.body.refreshToken,
      totpSecret: totp.body.secret,
      email: ADMIN_EMAIL,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret, name).toEqual(expect.any(String));
      expect(text.includes(secret!), `${name} appears in the logs`).toBe(false);
    }
    expect(new RegExp(`(?<![0-9])${code}(?![0-9])`).test(text), 'the reset code appears in the logs').toBe(false);
  });
});
