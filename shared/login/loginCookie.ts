/**
 * The short-lived cookie that carries the login's `state` and PKCE verifier from `/login` to
 * `/login/callback`: HttpOnly, SameSite=Lax (it must survive the redirect back from the login page),
 * scoped to the login paths, Secure over https.
 */
export const LOGIN_COOKIE = 'sme_iam_login';
export const LOGIN_COOKIE_MAX_AGE_SECONDS = 600;

export interface LoginCookieValue {
  state: string;
  verifier: string;
}

export interface CookieScope {
  /** The API's base path: `/prod` on AWS, empty locally. */
  basePath: string;
  secure: boolean;
}

export function loginCookie(value: LoginCookieValue, scope: CookieScope): string {
  return serialize(`${value.state}.${value.verifier}`, LOGIN_COOKIE_MAX_AGE_SECONDS, scope);
}

export function clearedLoginCookie(scope: CookieScope): string {
  return serialize('', 0, scope);
}

/** From a `Cookie` request header; undefined when absent or malformed. */
export function readLoginCookie(cookieHeader: string | undefined): LoginCookieValue | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name !== LOGIN_COOKIE) continue;
    const match = /^([\w-]+)\.([\w-]+)$/.exec(rest.join('='));
    return match ? { state: match[1]!, verifier: match[2]! } : undefined;
  }
  return undefined;
}

function serialize(value: string, maxAge: number, scope: CookieScope): string {
  const attributes = [
    `${LOGIN_COOKIE}=${value}`,
    `Max-Age=${maxAge}`,
    `Path=${scope.basePath}/login`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (scope.secure) attributes.push('Secure');
  return attributes.join('; ');
}
