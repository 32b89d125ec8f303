/**
 * The hosted login flow for people: `/login` sends the browser to the login page with a PKCE
 * challenge and a `state`; `/login/callback` checks the `state`, exchanges the code and lands on
 * `/docs` with the access token in the fragment, which never reaches a server.
 */
import { invalid } from '../domain/errors.ts';
import type { HostedLoginConfig } from './hostedLoginConfig.ts';
import { clearedLoginCookie, loginCookie, readLoginCookie, type CookieScope } from './loginCookie.ts';
import { createState, createVerifier, s256Challenge, sameState } from './pkce.ts';
import { exchangeCode } from './tokenExchange.ts';

export interface LoginRedirect {
  location: string;
  setCookie: string;
}

/** The callback's redirect, and the access token it hands over (its session is opened by the caller). */
export interface FinishedLogin extends LoginRedirect {
  accessToken: string;
}

export interface CallbackQuery {
  code?: string;
  state: string;
  error?: string;
}

export const callbackUrl = (baseUrl: string) => `${baseUrl}/login/callback`;

export function startLogin(config: HostedLoginConfig, baseUrl: string): LoginRedirect {
  const verifier = createVerifier();
  const state = createState();
  const query = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: callbackUrl(baseUrl),
    state,
    code_challenge: s256Challenge(verifier),
    code_challenge_method: 'S256',
  });
  return {
    location: `${config.domain}/oauth2/authorize?${query}`,
    setCookie: loginCookie({ state, verifier }, cookieScope(baseUrl)),
  };
}

export async function finishLogin(
  config: HostedLoginConfig,
  baseUrl: string,
  query: CallbackQuery,
  cookieHeader: string | undefined,
  fetchFn: typeof fetch = fetch,
): Promise<FinishedLogin> {
  const saved = readLoginCookie(cookieHeader);
  if (!saved) throw invalid('No login in progress here (its cookie is missing or expired); start again at /login');
  if (!sameState(saved.state, query.state)) throw invalid('The login state does not match; start again at /login');
  if (query.error || !query.code)
    throw invalid(`The login page did not sign you in (${query.error ?? 'no code'}); start again at /login`);
  const accessToken = await exchangeCode(
    config,
    { code: query.code, redirectUri: callbackUrl(baseUrl), verifier: saved.verifier },
    fetchFn,
  );
  return {
    location: `${baseUrl}/docs#access_token=${encodeURIComponent(accessToken)}`,
    setCookie: clearedLoginCookie(cookieScope(baseUrl)),
    accessToken,
  };
}

function cookieScope(baseUrl: string): CookieScope {
  const url = new URL(baseUrl);
  return { basePath: url.pathname.replace(/\/+$/, ''), secure: url.protocol === 'https:' };
}
