import { describe, expect, it } from 'vitest';
import { clearedLoginCookie, LOGIN_COOKIE, loginCookie, readLoginCookie } from '../../shared/login/loginCookie.ts';

const value = { state: 'state-1_a', verifier: 'verifier-2_b' };

describe('login cookie', () => {
  it('is HttpOnly, SameSite=Lax, short-lived and scoped to the login paths', () => {
    const cookie = loginCookie(value, { basePath: '', secure: false });

    expect(cookie).toBe(`${LOGIN_COOKIE}=state-1_a.verifier-2_b; Max-Age=600; Path=/login; HttpOnly; SameSite=Lax`);
  });

  it('follows the stage in its path and is Secure over https', () => {
    const cookie = loginCookie(value, { basePath: '/prod', secure: true });

    expect(cookie).toContain('Path=/prod/login;');
    expect(cookie).toMatch(/; Secure$/);
  });

  it('is cleared with an empty value and Max-Age=0 on the same path', () => {
    expect(clearedLoginCookie({ basePath: '/prod', secure: true })).toBe(
      `${LOGIN_COOKIE}=; Max-Age=0; Path=/prod/login; HttpOnly; SameSite=Lax; Secure`,
    );
  });

  it('reads its state and verifier back from a Cookie header among other cookies', () => {
    const header = `theme=dark; ${LOGIN_COOKIE}=state-1_a.verifier-2_b; other=1`;

    expect(readLoginCookie(header)).toEqual(value);
  });

  it('reads nothing from a missing, empty or malformed cookie', () => {
    expect(readLoginCookie(undefined)).toBeUndefined();
    expect(readLoginCookie('theme=dark')).toBeUndefined();
    expect(readLoginCookie(`${LOGIN_COOKIE}=`)).toBeUndefined();
    expect(readLoginCookie(`${LOGIN_COOKIE}=no-dot`)).toBeUndefined();
    expect(readLoginCookie(`${LOGIN_COOKIE}=a.b.c`)).toBeUndefined();
    expect(readLoginCookie(`${LOGIN_COOKIE}=a<b>.c`)).toBeUndefined();
  });
});
