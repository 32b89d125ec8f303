/**
 * Shared bits for the SIF users scenarios (accessManagement_users*.feature and
 * accessManagement_user_tags.feature), adapted to the shared local stack.
 */
import { expect } from 'vitest';
import { adminCredentials, api, login, type ApiResponse } from '../support/api.ts';

/**
 * SIF creates users through `POST /users` with `"password": "p@ssword1"`, which breaks our password
 * policy (at least 12 characters, upper case, lower case, digit, symbol). This one satisfies it.
 */
export const SIF_PASSWORD = 'Passw0rd!-sif-1';

/**
 * "I authenticate using email X and password P", as SIF's `authorizeUser` does it: log in, and when
 * the answer is NEW_PASSWORD_REQUIRED (a user invited with a temporary password), complete it with
 * the same password. Returns the access token and whether a challenge was answered; throws when no
 * token could be obtained.
 */
export async function sifLogin(email: string, password: string): Promise<{ token: string; challenged: boolean }> {
  const first = await api('POST', '/auth/login', { body: { email, password } });
  if (first.status === 200 && first.body.accessToken) return { token: first.body.accessToken, challenged: false };
  if (first.status !== 200 || first.body.challenge !== 'NEW_PASSWORD_REQUIRED') {
    throw new Error(`login failed for ${email}: ${first.status} ${JSON.stringify(first.body)}`);
  }
  const answered = await answerNewPassword(email, first.body.session, password);
  if (answered.status !== 200 || !answered.body.accessToken) {
    throw new Error(`NEW_PASSWORD_REQUIRED failed for ${email}: ${answered.status} ${JSON.stringify(answered.body)}`);
  }
  return { token: answered.body.accessToken, challenged: true };
}

export const answerNewPassword = (email: string, session: string, newPassword: string): Promise<ApiResponse> =>
  api('POST', '/auth/challenge', { body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session, newPassword } });

/**
 * SIF's set-up and teardown steps ("group G has user X revoked", "group G has been removed") run as
 * its `integrationtests` super user; here that is the stack's own admin of `/`.
 */
export async function superUserToken(): Promise<string> {
  const { email, password } = adminCredentials();
  return (await login(email, password)).accessToken;
}

/** `/users/<email>` with the `@` url-encoded as SIF writes it (`%40`), the email's case left as written. */
export const userPath = (email: string) => `/users/${email.replace('@', '%40')}`;

export const emails = (response: ApiResponse): string[] => (response.body.users as { email: string }[]).map((user) => user.email);

/** The checks SIF makes on a user it has just invited. */
export function expectInvited(
  response: ApiResponse,
  expected: { email: string; groups: Record<string, string>; defaultGroup: string; createdBy: string },
) {
  expect(response.status).toBe(201);
  expect(response.body.email).toBe(expected.email);
  expect(response.body.state).toBe('invited');
  expect(response.body.groups).toEqual(expected.groups);
  expect(response.body.defaultGroup).toBe(expected.defaultGroup);
  expect(response.body.createdBy).toBe(expected.createdBy);
  expect(response.body.createdAt).toEqual(expect.any(String));
}
