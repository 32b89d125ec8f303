/**
 * Shared bits for the SIF acceptance scenarios (../../../../shared/conformance/sif-access-management/),
 * adapted to a local stack that other integration files share.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { api, login, type ApiResponse } from '../support/api.ts';
import { createTestUser, uniqueEmail } from '../support/fixtures.ts';
import type { Role } from '../../../shared/domain/roles.ts';

/** A suffix unique to one run of one file, appended to every top-level group name a scenario creates. */
export const runSuffix = () => randomUUID().slice(0, 8);

export interface SifUser {
  email: string;
  token: string;
}

/**
 * "group G has user X with role R and password p@ssword1" (plus "granted access" steps for more groups).
 * The users API does not exist yet, so the user and memberships are written straight to the local
 * components; passwords are generated because SIF's `p@ssword1` breaks our password policy.
 */
export async function sifUser(prefix: string, memberships: Record<string, Role>): Promise<SifUser> {
  const user = await createTestUser({ email: uniqueEmail(prefix), memberships });
  const { accessToken } = await login(user.email, user.password);
  return { email: user.email, token: accessToken };
}

/** `/groups/%2f<id>` with SIF's lower-case `%2f` and the id's case left as written (ids are case-insensitive). */
export const sifGroupPath = (groupId: string) => `/groups/${groupId.split('/').map(encodeURIComponent).join('%2f')}`;

export const ids = (response: ApiResponse) => (response.body.groups as { id: string }[]).map((group) => group.id);

export function expectCreated(response: ApiResponse, expected: { id: string; name: string; createdBy: string }) {
  expect(response.status).toBe(201);
  expect(response.headers.get('x-groupid')).toBe(expected.id);
  expect(response.body.id).toBe(expected.id);
  expect(response.body.name).toBe(expected.name);
  expect(response.body.createdBy).toBe(expected.createdBy);
  expect(response.body.createdAt).toEqual(expect.any(String));
}

/** "I set body to {"state": "disabled"} / I PATCH …" then "I DELETE …". */
export async function disableAndDelete(token: string, groupId: string, groupContext?: string) {
  const disabled = await api('PATCH', sifGroupPath(groupId), { token, groupContext, body: { state: 'disabled' } });
  expect(disabled.status).toBe(200);
  expect(disabled.body.state).toBe('disabled');
  const deleted = await api('DELETE', sifGroupPath(groupId), { token, groupContext });
  expect(deleted.status).toBe(204);
}
