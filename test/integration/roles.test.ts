/** Custom roles against the local stack: defined in a group, usable beneath it, enforced by the same guard. */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { createTestUser, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';

let rootToken: string;
let tenant: string;
let finance: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
  tenant = (await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('roles') } })).body
    .id;
  finance = (await api('POST', '/groups', { token: rootToken, groupContext: tenant, body: { name: 'finance' } })).body.id;
});

const defineRole = (name: string, actions: string[], groupContext = tenant) =>
  api('POST', '/roles', { token: rootToken, groupContext, body: { name, actions } });

async function memberWithRole(role: string, groupId: string): Promise<{ email: string; token: string }> {
  const email = uniqueEmail('custom');
  const granted = await api('POST', '/users', {
    token: rootToken,
    groupContext: groupId,
    body: { email, role, password: 'Temporary-Passw0rd' },
  });
  expect(granted.status).toBe(201);
  const first = await api('POST', '/auth/login', { body: { email, password: 'Temporary-Passw0rd' } });
  const answered = await api('POST', '/auth/challenge', {
    body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'Chosen-Passw0rd!' },
  });
  return { email, token: answered.body.accessToken };
}

describe('custom roles', () => {
  it('are defined by an admin and listed with the built-in roles wherever they are usable', async () => {
    expect((await defineRole('approver', ['payments:approve', 'accounts:read'])).status).toBe(201);

    const listed = await api('GET', '/roles', { token: rootToken, groupContext: finance });
    const got = await api('GET', '/roles/approver', { token: rootToken, groupContext: finance });

    expect(listed.body.roles.map((role: { name: string }) => role.name)).toEqual(['reader', 'contributor', 'admin', 'approver']);
    expect(got.body).toMatchObject({
      name: 'approver',
      builtIn: false,
      actions: ['payments:approve', 'accounts:read'],
      definedAt: tenant,
    });
  });

  it('grant exactly their actions, to the check API and to routes alike', async () => {
    await defineRole('auditor', ['*:read', 'reports:export']);
    const auditor = await memberWithRole('auditor', finance);

    const exportCheck = await api('POST', '/authorizations/check', { token: auditor.token, body: { action: 'reports:export' } });
    const approveCheck = await api('POST', '/authorizations/check', {
      token: auditor.token,
      body: { action: 'payments:approve' },
    });
    const readGroups = await api('GET', groupPath(finance), { token: auditor.token });
    const createGroup = await api('POST', '/groups', { token: auditor.token, body: { name: 'nope' } });

    expect(exportCheck.body).toMatchObject({ allowed: true, role: 'auditor', grantedAt: finance });
    expect(approveCheck.body.allowed).toBe(false);
    expect(readGroups.status).toBe(200);
    expect(createGroup.status).toBe(403);
  });

  it('cannot be deleted while in use, and can once the last member goes', async () => {
    await defineRole('temp-role', ['payments:approve']);
    const member = await memberWithRole('temp-role', finance);

    const inUse = await api('DELETE', '/roles/temp-role', { token: rootToken, groupContext: tenant });
    await api('DELETE', `/users/${encodeURIComponent(member.email)}`, { token: rootToken, groupContext: finance });
    const unused = await api('DELETE', '/roles/temp-role', { token: rootToken, groupContext: tenant });

    expect(inUse.status).toBe(409);
    expect(unused.status).toBe(204);
  });

  it('are usable only in the subtree that defines them', async () => {
    await defineRole('local-only', ['payments:approve']);
    const other = (
      await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('other') } })
    ).body.id;

    const response = await api('POST', '/users', {
      token: rootToken,
      groupContext: other,
      body: { email: uniqueEmail(), role: 'local-only' },
    });

    expect(response.status).toBe(400);
  });

  it('refuses built-in names, duplicates and non-admins', async () => {
    const contributor = await createTestUser({ memberships: { [tenant]: 'contributor' } });
    const { accessToken } = await login(contributor.email, contributor.password);
    await defineRole('dupe', ['a:b']);

    expect((await defineRole('admin', ['x:y'])).status).toBe(409);
    expect((await defineRole('dupe', ['x:y'], finance)).status).toBe(409);
    expect(
      (await api('POST', '/roles', { token: accessToken, groupContext: tenant, body: { name: 'mine', actions: ['x:y'] } }))
        .status,
    ).toBe(403);
  });

  it('changes actions, taking effect for new decisions', async () => {
    await defineRole('changing', ['payments:approve']);

    const changed = await api('PATCH', '/roles/changing', {
      token: rootToken,
      groupContext: tenant,
      body: { actions: ['payments:refund'] },
    });

    expect(changed.status).toBe(200);
    expect(changed.body.actions).toEqual(['payments:refund']);
  });
});
