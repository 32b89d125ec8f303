import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../shared/domain/errors.ts';
import { rejectionOf } from './helpers.ts';
import { hostedLoginConfig } from '../../shared/login/hostedLoginConfig.ts';
import { LOGIN_COOKIE, readLoginCookie } from '../../shared/login/loginCookie.ts';
import { finishLogin, startLogin } from '../../shared/login/loginFlow.ts';
import { s256Challenge } from '../../shared/login/pkce.ts';

const config = { domain: 'https://login.bank.example', clientId: 'hosted-client' };
const BASE = 'https://abc123.execute-api.eu-west-2.amazonaws.com/prod';

function tokenEndpoint(status: number, body: unknown) {
  return vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

/** A login started by startLogin: its cookie header and the state the login page hands back. */
function startedLogin() {
  const { location, setCookie } = startLogin(config, BASE);
  return {
    cookieHeader: setCookie.split(';')[0]!,
    state: new URL(location).searchParams.get('state')!,
    challenge: new URL(location).searchParams.get('code_challenge')!,
  };
}

describe('hosted login flow', () => {
  describe('startLogin', () => {
    it('redirects to the authorize endpoint with the code flow, OpenID scopes, this API callback and an S256 challenge', () => {
      // Act
      const { location } = startLogin(config, BASE);

      // Assess
      const url = new URL(location);
      expect(`${url.origin}${url.pathname}`).toBe('https://login.bank.example/oauth2/authorize');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        client_id: 'hosted-client',
        response_type: 'code',
        scope: 'openid email profile',
        redirect_uri: `${BASE}/login/callback`,
        state: expect.stringMatching(/^[\w-]{32}$/),
        code_challenge: expect.stringMatching(/^[\w-]{43}$/),
        code_challenge_method: 'S256',
      });
      expect(location).toContain('scope=openid+email+profile');
    });

    it('keeps the state and the verifier of the challenge in a Secure cookie on the stage login path', () => {
      // Act
      const { location, setCookie } = startLogin(config, BASE);

      // Assess
      const saved = readLoginCookie(setCookie.split(';')[0]);
      const query = new URL(location).searchParams;
      expect(saved?.state).toBe(query.get('state'));
      expect(s256Challenge(saved!.verifier)).toBe(query.get('code_challenge'));
      expect(setCookie).toContain('Path=/prod/login;');
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('Secure');
    });

    it('sets a cookie without Secure for a plain http base URL, at /login', () => {
      const { setCookie } = startLogin(config, 'http://127.0.0.1:3000');

      expect(setCookie).toContain('Path=/login;');
      expect(setCookie).not.toContain('Secure');
    });
  });

  describe('finishLogin', () => {
    it('exchanges the code with the verifier and lands on /docs with the access token in the fragment', async () => {
      // Prepare
      const login = startedLogin();
      const fetchFn = tokenEndpoint(200, { access_token: 'a.b.c', id_token: 'i', refresh_token: 'r', token_type: 'Bearer' });

      // Act
      const result = await finishLogin(
        config,
        BASE,
        { code: 'code-1', state: login.state },
        `other=1; ${login.cookieHeader}`,
        fetchFn as typeof fetch,
      );

      // Assess
      expect(result.location).toBe(`${BASE}/docs#access_token=a.b.c`);
      expect(result.setCookie).toMatch(new RegExp(`^${LOGIN_COOKIE}=; Max-Age=0; Path=/prod/login;`));
      const [url, init] = fetchFn.mock.calls[0]!;
      expect(url).toBe('https://login.bank.example/oauth2/token');
      expect((init!.headers as Record<string, string>)['Content-Type']).toBe('application/x-www-form-urlencoded');
      const form = Object.fromEntries(new URLSearchParams(init!.body as string));
      expect(form).toEqual({
        grant_type: 'authorization_code',
        client_id: 'hosted-client',
        code: 'code-1',
        redirect_uri: `${BASE}/login/callback`,
        code_verifier: expect.any(String),
      });
      expect(s256Challenge(form.code_verifier!)).toBe(login.challenge);
    });

    it('answers 400 without calling the token endpoint when the login cookie is missing', async () => {
      const fetchFn = tokenEndpoint(200, { access_token: 'a.b.c' });

      const error = await rejectionOf(
        finishLogin(config, BASE, { code: 'code-1', state: 'any' }, undefined, fetchFn as typeof fetch),
      );

      expect(error.statusCode).toBe(400);
      expect(error.message).toMatch(/start again at \/login/);
      expect(fetchFn).not.toHaveBeenCalled();
    });

    it('answers 400 without calling the token endpoint when the state does not match the cookie', async () => {
      const login = startedLogin();
      const fetchFn = tokenEndpoint(200, { access_token: 'a.b.c' });

      const error = await rejectionOf(
        finishLogin(config, BASE, { code: 'code-1', state: startedLogin().state }, login.cookieHeader, fetchFn as typeof fetch),
      );

      expect(error.statusCode).toBe(400);
      expect(error.message).toMatch(/state does not match/);
      expect(fetchFn).not.toHaveBeenCalled();
    });

    it('answers 400 naming the error the login page sent back', async () => {
      const login = startedLogin();

      const error = await rejectionOf(
        finishLogin(
          config,
          BASE,
          { state: login.state, error: 'access_denied' },
          login.cookieHeader,
          tokenEndpoint(200, {}) as typeof fetch,
        ),
      );

      expect(error.statusCode).toBe(400);
      expect(error.message).toContain('access_denied');
    });

    it('answers 400 when the token endpoint refuses the code', async () => {
      const login = startedLogin();

      const error = await rejectionOf(
        finishLogin(
          config,
          BASE,
          { code: 'used', state: login.state },
          login.cookieHeader,
          tokenEndpoint(400, { error: 'invalid_grant' }) as typeof fetch,
        ),
      );

      expect(error.statusCode).toBe(400);
      expect(error.message).toContain('invalid_grant');
    });

    it('fails as a server error when the token endpoint itself fails', async () => {
      const login = startedLogin();

      const finishing = finishLogin(
        config,
        BASE,
        { code: 'code-1', state: login.state },
        login.cookieHeader,
        tokenEndpoint(503, {}) as typeof fetch,
      );

      await expect(finishing).rejects.toThrow(/503/);
      await expect(finishing).rejects.not.toBeInstanceOf(DomainError);
    });
  });

  describe('hostedLoginConfig', () => {
    it('reads the domain without a trailing slash and the client id', () => {
      expect(hostedLoginConfig({ COGNITO_HOSTED_DOMAIN: 'http://127.0.0.1:9229/', COGNITO_HOSTED_CLIENT_ID: 'c1' })).toEqual({
        domain: 'http://127.0.0.1:9229',
        clientId: 'c1',
      });
    });

    it('fails when either setting is missing', () => {
      expect(() => hostedLoginConfig({ COGNITO_HOSTED_CLIENT_ID: 'c1' })).toThrow(/COGNITO_HOSTED_DOMAIN/);
      expect(() => hostedLoginConfig({ COGNITO_HOSTED_DOMAIN: 'https://x' })).toThrow(/COGNITO_HOSTED_CLIENT_ID/);
    });
  });
});
