/**
 * Tenants see only their own people, tried as a tenant's admin would: listing up the tree, and
 * reading who created or changed what, never shows the bank's staff at `/`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { createTestUser, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';

let rootToken: string;
const rootEmail = () => adminCredentials().email;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function newGroup(parent: string, name: string): Promise<string> {
  const created = await api('POST', '/groups', { token: rootToken, groupContext: parent, body: { name } });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A user invited by the root admin through the API (so the bank's admin is their `createdBy`), logged in. */
async function invitedByBank(groupId: string, role: string): Promise<{ email: string; token: string }> {
  const email = uniqueEmail('tenant-view');
  const invited = await api('POST', '/users', {
    token: rootToken,
    groupContext: groupId,
    body: { email, role, password: 'Temporary-Passw0rd' },
  });
  expect(invited.status).toBe(201);
  const first = await api('POST', '/auth/login', { body: { email, password: 'Temporary-Passw0rd' } });
  const answered = await api('POST', '/auth/challenge', {
    body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'Chosen-Passw0rd!' },
  });
  return { email, token: answered.body.accessToken };
}

/** Every page of a user listing. */
async function listAll(token: string, groupContext: string, query: string): Promise<{ email: string; groups: object }[]> {
  const users: { email: string; groups: object }[] = [];
  let fromToken: string | undefined;
  for (let page = 0; page < 50; page++) {
    const next = fromToken ? `&fromToken=${encodeURIComponent(fromToken)}` : '';
    const response = await api('GET', `/users?${query}&count=100${next}`, { token, groupContext });
    expect(response.status).toBe(200);
    users.push(...response.body.users);
    fromToken = response.body.pagination?.lastEvaluatedToken;
    if (!fromToken) break;
  }
  return users;
}

describe('tenants see only their own people', () => {
  it('lists no user of / with includeParentGroups from a tenant’s admin, and hides a shared user’s membership at /', async () => {
    // Prepare
    const tenant = await newGroup('/', uniqueGroupName('view'));
    const finance = await newGroup(tenant, 'finance');
    const admin = await invitedByBank(tenant, 'admin');
    const clerk = await createTestUser({ memberships: { [finance]: 'contributor' } });
    const bankStaff = await createTestUser({ memberships: { '/': 'reader' } });
    const shared = await createTestUser({ memberships: { '/': 'reader', [finance]: 'reader' } });

    // Act
    const listed = await listAll(admin.token, finance, 'includeParentGroups=true');
    const staffRead = await api('GET', `/users/${encodeURIComponent(bankStaff.email)}`, {
      token: admin.token,
      groupContext: finance,
    });
    const unknownRead = await api('GET', `/users/${encodeURIComponent(uniqueEmail('nobody'))}`, {
      token: admin.token,
      groupContext: finance,
    });

    // Assess
    const emails = listed.map((user) => user.email);
    expect(emails).toEqual(expect.arrayContaining([admin.email, clerk.email, shared.email]));
    expect(emails).not.toContain(rootEmail());
    expect(emails).not.toContain(bankStaff.email);
    expect(listed.flatMap((user) => Object.keys(user.groups))).not.toContain('/');
    expect(listed.find((user) => user.email === shared.email)!.groups).toEqual({ [finance]: 'reader' });
    expect(staffRead.status).toBe(unknownRead.status);
    expect(staffRead.body.message.replace(bankStaff.email, '')).toBe(unknownRead.body.message.replace(/\S+@\S+ /, ' '));
  });

  it('still lists the users of / to the bank’s own admin', async () => {
    // Prepare
    const tenant = await newGroup('/', uniqueGroupName('view'));

    // Act
    const listed = await listAll(rootToken, tenant, 'includeParentGroups=true');

    // Assess
    expect(listed.map((user) => user.email)).toContain(rootEmail());
  });

  it('shows a tenant the neutral "bank" for groups and users the bank’s admin created, and names its own people', async () => {
    // Prepare
    const tenant = await newGroup('/', uniqueGroupName('view'));
    const finance = await newGroup(tenant, 'finance');
    const defined = await api('POST', '/roles', {
      token: rootToken,
      groupContext: tenant,
      body: { name: 'clerk', actions: ['payments:read'] },
    });
    expect(defined.status).toBe(201);
    const admin = await invitedByBank(tenant, 'admin');
    const own = await api('POST', '/groups', { token: admin.token, groupContext: tenant, body: { name: 'hr' } });
    const clerk = await api('POST', '/users', {
      token: admin.token,
      groupContext: finance,
      body: { email: uniqueEmail('clerk'), role: 'clerk' },
    });

    // Act
    const group = await api('GET', groupPath(tenant), { token: admin.token, groupContext: tenant });
    const groups = await api('GET', '/groups?includeChildGroups=true', { token: admin.token, groupContext: tenant });
    const me = await api('GET', '/users/me', { token: admin.token });
    const clerkRead = await api('GET', `/users/${encodeURIComponent(clerk.body.email)}`, {
      token: admin.token,
      groupContext: tenant,
    });
    const groupAsBank = await api('GET', groupPath(finance), { token: rootToken, groupContext: tenant });

    // Assess
    expect(group.body.createdBy).toBe('bank');
    expect(groups.body.groups.map((listed: { id: string; createdBy: string }) => [listed.id, listed.createdBy])).toEqual(
      expect.arrayContaining([
        [finance, 'bank'],
        [own.body.id, admin.email],
      ]),
    );
    expect(me.body.createdBy).toBe('bank');
    expect(clerkRead.body.createdBy).toBe(admin.email);
    expect(groupAsBank.body.createdBy).toBe(rootEmail());
    expect(JSON.stringify([group.body, groups.body, me.body])).not.toContain(rootEmail());
  });

  it('shows tenant A "bank" for a shared user last changed by tenant B’s admin, never B’s admin by name', async () => {
    // Prepare
    const tenantA = await newGroup('/', uniqueGroupName('view-a'));
    const tenantB = await newGroup('/', uniqueGroupName('view-b'));
    const adminA = await invitedByBank(tenantA, 'admin');
    const adminB = await invitedByBank(tenantB, 'admin');
    const shared = await createTestUser({ memberships: { [tenantA]: 'reader', [tenantB]: 'reader' } });
    const regranted = await api('POST', '/users', {
      token: adminB.token,
      groupContext: tenantB,
      body: { email: shared.email, role: 'contributor' },
    });
    expect(regranted.status).toBe(201);

    // Act
    const seenByA = await api('GET', `/users/${encodeURIComponent(shared.email)}`, {
      token: adminA.token,
      groupContext: tenantA,
    });
    const seenByB = await api('GET', `/users/${encodeURIComponent(shared.email)}`, {
      token: adminB.token,
      groupContext: tenantB,
    });

    // Assess
    expect(seenByA.body.updatedBy).toBe('bank');
    expect(JSON.stringify(seenByA.body)).not.toContain(adminB.email);
    expect(seenByB.body.updatedBy).toBe(adminB.email);
  });
});
