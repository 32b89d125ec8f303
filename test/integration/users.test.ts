/**
 * The users and memberships API against the local stack: invitations, grants, visibility,
 * changes, revocation and deletion, with tenant isolation and no existence leaks.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_INDEXES } from '../../shared/store/keys.ts';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import {
  addTestMemberships,
  createTestGroup,
  createTestUser,
  readUserRecord,
  testTable,
  uniqueEmail,
  uniqueGroupName,
  updateUserRecord,
  userPartitionItems,
} from './support/fixtures.ts';

type Role = 'reader' | 'contributor' | 'admin';
let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function createTenant(): Promise<string> {
  const response = await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('t') } });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function createGroupUnder(parentId: string, name: string): Promise<string> {
  const response = await api('POST', '/groups', { token: rootToken, groupContext: parentId, body: { name } });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function userWith(memberships: Record<string, Role>): Promise<{ email: string; password: string; token: string }> {
  const user = await createTestUser({ memberships });
  return { ...user, token: (await login(user.email, user.password)).accessToken };
}

const invite = (token: string, contextId: string, body: Record<string, unknown>) =>
  api('POST', '/users', { token, groupContext: contextId, body });
const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;

async function outboxFor(email: string): Promise<{ kind: string; body: string }[]> {
  const response = await fetch(`${inject('stack').apiUrl}/dev/outbox?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { messages: { kind: string; body: string }[] }).messages;
}

/** First login with a temporary password: answer NEW_PASSWORD_REQUIRED, return the tokens. */
async function firstLogin(email: string, temporaryPassword: string, newPassword = 'Brand-new-Passw0rd!'): Promise<string> {
  const first = await api('POST', '/auth/login', { body: { email, password: temporaryPassword } });
  expect(first.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
  const answered = await api('POST', '/auth/challenge', {
    body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword },
  });
  expect(answered.status).toBe(200);
  return answered.body.accessToken;
}

describe('POST /users', () => {
  it('invites a new email as an invited user with the role in the context, and delivers the temporary password to the outbox', async () => {
    // Prepare
    const tenant = await createTenant();
    const email = uniqueEmail('ann');

    // Act
    const response = await invite(rootToken, tenant, { email: email.toUpperCase(), role: 'contributor' });

    // Assess
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email,
      state: 'invited',
      groups: { [tenant]: 'contributor' },
      defaultGroup: tenant,
      createdBy: adminCredentials().email,
    });
    const [message] = await outboxFor(email);
    expect(message?.kind).toBe('invitation');
    const temporaryPassword = /temporary password (\S+);/.exec(message!.body)![1]!;
    const token = await firstLogin(email, temporaryPassword);
    expect((await api('GET', '/users/me', { token })).body).toMatchObject({
      email,
      state: 'active',
      role: { role: 'contributor', grantedAt: tenant },
    });
  });

  it('uses the given password as the temporary one, checked against the policy', async () => {
    const tenant = await createTenant();
    const email = uniqueEmail();

    const weak = await invite(rootToken, tenant, { email, role: 'reader', password: 'short' });
    const strong = await invite(rootToken, tenant, { email, role: 'reader', password: 'Temporary-Passw0rd' });

    expect(weak.status).toBe(400);
    expect(weak.body.message).toContain('at least 12 characters');
    expect(strong.status).toBe(201);
    await firstLogin(email, 'Temporary-Passw0rd');
  });

  it('refuses a bad email or role with 400', async () => {
    const tenant = await createTenant();

    expect((await invite(rootToken, tenant, { email: 'not-an-email', role: 'reader' })).status).toBe(400);
    expect((await invite(rootToken, tenant, { email: uniqueEmail(), role: 'owner' })).status).toBe(400);
  });

  it('answers 404 for a missing context or default group, or a default group outside the user’s groups', async () => {
    const tenant = await createTenant();
    const other = await createTenant();

    expect((await invite(rootToken, `${tenant}/missing`, { email: uniqueEmail(), role: 'reader' })).status).toBe(404);
    expect(
      (await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader', defaultGroup: `${tenant}/missing` })).status,
    ).toBe(404);
    expect((await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader', defaultGroup: other })).status).toBe(404);
  });

  it('refuses new members in a disabled group with 409', async () => {
    const tenant = await createTenant();
    await api('PATCH', groupPath(tenant), { token: rootToken, body: { state: 'disabled' } });

    expect((await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader' })).status).toBe(409);
  });

  it('refuses contributors and readers of the context with 403', async () => {
    const tenant = await createTenant();
    const contributor = await userWith({ [tenant]: 'contributor' });

    expect((await invite(contributor.token, tenant, { email: uniqueEmail(), role: 'reader' })).status).toBe(403);
  });

  it('grants an existing user a second group, and replaces the role when granted again', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const user = await userWith({ [tenant]: 'reader' });

    await invite(rootToken, finance, { email: user.email, role: 'contributor' });
    const regranted = await invite(rootToken, finance, { email: user.email, role: 'admin' });

    expect(regranted.status).toBe(201);
    expect(regranted.body.groups).toEqual({ [tenant]: 'reader', [finance]: 'admin' });
  });

  it('does not pull a user out of another tenant: the grant waits for the user, and the answer does not reveal that the user exists', async () => {
    // Prepare: ann belongs to tenant A; the admin of tenant B does not administer her.
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const ann = await userWith({ [tenantA]: 'contributor' });
    const adminOfB = await userWith({ [tenantB]: 'admin' });

    // Act
    const existing = await invite(adminOfB.token, tenantB, { email: ann.email, role: 'admin' });
    const brandNew = await invite(adminOfB.token, tenantB, { email: uniqueEmail(), role: 'admin' });

    // Assess: the same answer as a brand-new invitation, and no access until ann accepts.
    expect(existing.status).toBe(201);
    const withoutOwn = (body: Record<string, unknown>) => ({ ...body, email: undefined, createdAt: undefined });
    const rest = withoutOwn(existing.body);
    expect(rest).toEqual(withoutOwn(brandNew.body));
    expect(rest).toMatchObject({
      state: 'invited',
      groups: { [tenantB]: 'admin' },
      defaultGroup: tenantB,
      createdBy: adminOfB.email,
    });
    expect((await api('GET', groupPath(tenantB), { token: ann.token })).status).toBe(404);

    const me = await api('GET', '/users/me', { token: ann.token });
    expect(me.body.invitations).toEqual({ [tenantB]: 'admin' });
    const accepted = await api('POST', `/users/me/invitations/${encodeURIComponent(tenantB)}/accept`, { token: ann.token });
    expect(accepted.status).toBe(200);
    const fresh = await login(ann.email, ann.password);
    expect((await api('GET', groupPath(tenantB), { token: fresh.accessToken })).status).toBe(200);
  });

  it("counts an invitation's own tags in its tenant until accepted, then the person's profile tags there instead", async () => {
    // Prepare: ann, tagged region emea in tenant A, is invited to tenant B with the tag team ops
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const ann = await userWith({ [tenantA]: 'contributor' });
    const tagged = await api('PATCH', userPath(ann.email), {
      token: rootToken,
      groupContext: tenantA,
      body: { tags: { region: 'emea' } },
    });
    const adminOfB = await userWith({ [tenantB]: 'admin' });
    const invited = await invite(adminOfB.token, tenantB, { email: ann.email, role: 'reader', tags: { team: 'ops' } });
    const valuesInB = async (key: string) =>
      (await api('GET', `/tags/${key}?resourceType=user`, { token: adminOfB.token, groupContext: tenantB })).body.values;
    const beforeAccepting = [await valuesInB('team'), await valuesInB('region')];

    // Act
    const accepted = await api('POST', `/users/me/invitations/${encodeURIComponent(tenantB)}/accept`, { token: ann.token });

    // Assess
    expect([tagged.status, invited.status, accepted.status]).toEqual([204, 201, 200]);
    expect(beforeAccepting).toEqual([{ ops: 'ops' }, {}]);
    expect([await valuesInB('team'), await valuesInB('region')]).toEqual([{}, { emea: 'emea' }]);
  });

  it('records the invitation in the audit trail', async () => {
    const tenant = await createTenant();
    const email = uniqueEmail();
    await invite(rootToken, tenant, { email, role: 'reader' });

    const { Items } = await testTable().doc.send(
      new QueryCommand({
        TableName: testTable().tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#user#${email}` },
      }),
    );

    expect(Items?.map((item) => item.type)).toEqual(['invitation.created']);
    expect(Items?.[0]).toMatchObject({ actor: adminCredentials().email, changes: { groups: { after: { [tenant]: 'reader' } } } });
  });
});

describe('GET /users/{email} and GET /users/me', () => {
  it('shows a user in the context, with only the memberships the caller may see', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const ann = await createTestUser({ memberships: { [tenantA]: 'reader', [tenantB]: 'admin' } });
    const adminOfA = await userWith({ [tenantA]: 'admin' });

    const response = await api('GET', userPath(ann.email), { token: adminOfA.token, groupContext: tenantA });

    expect(response.status).toBe(200);
    expect(response.body.groups).toEqual({ [tenantA]: 'reader' });
  });

  it('answers 404 for a user outside the context exactly as for an unknown email', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const bob = await createTestUser({ memberships: { [tenantB]: 'reader' } });
    const adminOfA = await userWith({ [tenantA]: 'admin' });

    const hidden = await api('GET', userPath(bob.email), { token: adminOfA.token, groupContext: tenantA });
    const unknownEmail = uniqueEmail();
    const unknown = await api('GET', userPath(unknownEmail), { token: adminOfA.token, groupContext: tenantA });

    expect(hidden.status).toBe(404);
    expect(hidden.body.message.replace(bob.email, 'X')).toBe(unknown.body.message.replace(unknownEmail, 'X'));
  });

  it('shows a user of an ancestor group to a reader of the context (includes inherited admins)', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const tenantAdmin = await createTestUser({ memberships: { [tenant]: 'admin' } });
    const reader = await userWith({ [finance]: 'reader' });

    const response = await api('GET', userPath(tenantAdmin.email), { token: reader.token, groupContext: finance });

    expect(response.status).toBe(200);
  });

  it('refuses a context the caller has no role in with 403', async () => {
    const tenant = await createTenant();
    const reader = await userWith({ [tenant]: 'reader' });

    expect((await api('GET', userPath(reader.email), { token: reader.token, groupContext: '/' })).status).toBe(403);
  });

  it('gives the caller every membership and the effective role in the current context', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const user = await userWith({ [tenant]: 'admin', [finance]: 'reader' });

    const response = await api('GET', '/users/me', { token: user.token, groupContext: `${finance}` });

    expect(response.body).toMatchObject({
      email: user.email,
      groups: { [tenant]: 'admin', [finance]: 'reader' },
      role: { role: 'reader', grantedAt: finance },
    });
  });
});

describe('GET /users', () => {
  it('lists each user in a subtree exactly once, in pages of 3, 20 and 100, across 250 users', async () => {
    // Prepare: 250 users over a tenant and 4 departments; every fifth user also belongs to a second department.
    const tenant = await createTenant();
    const departments: string[] = [];
    for (let d = 0; d < 4; d++) departments.push(await createGroupUnder(tenant, `dept-${d}`));
    const groups = [tenant, ...departments];
    const emails: string[] = [];
    for (let start = 0; start < 250; start += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) => {
          const i = start + j;
          const memberships: Record<string, Role> = { [groups[i % 5]!]: 'reader' };
          if (i % 5 === 0) memberships[departments[i % 4]!] = 'contributor';
          return createTestUser({ memberships });
        }),
      );
      emails.push(...batch.map((user) => user.email));
    }

    for (const count of [3, 20, 100]) {
      // Act
      const seen: string[] = [];
      const sizes: number[] = [];
      let fromToken: string | undefined;
      do {
        const query = `/users?includeChildGroups=true&count=${count}${fromToken ? `&fromToken=${encodeURIComponent(fromToken)}` : ''}`;
        const response = await api('GET', query, { token: rootToken, groupContext: tenant });
        expect(response.status).toBe(200);
        seen.push(...response.body.users.map((user: { email: string }) => user.email));
        sizes.push(response.body.users.length);
        fromToken = response.body.pagination?.lastEvaluatedToken;
      } while (fromToken);

      // Assess
      expect(seen).toHaveLength(250);
      expect(new Set(seen)).toEqual(new Set(emails));
      expect(sizes.every((size) => size <= count)).toBe(true);
    }
  });

  it('lists only members of the context itself by default, and ancestors’ members first with includeParentGroups', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const top = await createTestUser({ memberships: { [tenant]: 'admin' } });
    const member = await createTestUser({ memberships: { [finance]: 'reader' } });

    const own = await api('GET', '/users', { token: rootToken, groupContext: finance });
    const withParents = await api('GET', '/users?includeParentGroups=true&count=100', {
      token: rootToken,
      groupContext: finance,
    });

    expect(own.body.users.map((user: { email: string }) => user.email)).toEqual([member.email]);
    const listed = withParents.body.users.map((user: { email: string }) => user.email);
    expect(listed).toContain(adminCredentials().email);
    expect(listed.indexOf(top.email)).toBeLessThan(listed.indexOf(member.email));
  });

  it('continues a subtree token in a listing that adds the parents, and refuses it in a listing of the context only', async () => {
    // Prepare: three members beneath the tenant; a first page of 2 from the subtree.
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const members = await Promise.all([1, 2, 3].map(() => createTestUser({ memberships: { [finance]: 'reader' } })));
    const first = await api('GET', '/users?includeChildGroups=true&count=2', { token: rootToken, groupContext: tenant });
    const fromToken = encodeURIComponent(first.body.pagination.lastEvaluatedToken);

    // Act
    const withParents = await api(
      'GET',
      `/users?includeChildGroups=true&includeParentGroups=true&count=2&fromToken=${fromToken}`,
      {
        token: rootToken,
        groupContext: tenant,
      },
    );
    const contextOnly = await api('GET', `/users?count=2&fromToken=${fromToken}`, { token: rootToken, groupContext: tenant });

    // Assess
    const listed = [...first.body.users, ...withParents.body.users].map((user: { email: string }) => user.email);
    expect(withParents.status).toBe(200);
    expect(listed.sort()).toEqual(members.map((member) => member.email).sort());
    expect(withParents.body.pagination).toBeUndefined();
    expect(contextOnly.status).toBe(400);
  });

  it('filters by user tags', async () => {
    const tenant = await createTenant();
    await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader', tags: { company: 'abc' } });
    const xyz = await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader', tags: { company: 'xyz' } });

    const response = await api('GET', '/users?tags=company:xyz', { token: rootToken, groupContext: tenant });

    expect(response.body.users.map((user: { email: string }) => user.email)).toEqual([xyz.body.email]);
  });
});

describe('PATCH /users/{email}', () => {
  it('refuses an empty body with SIF’s message', async () => {
    const tenant = await createTenant();
    const user = await userWith({ [tenant]: 'reader' });

    const response = await api('PATCH', userPath(user.email), { token: user.token, body: {} });

    expect(response.status).toBe(400);
    expect(response.body.message).toBe(
      'Request body should contains one or more of these parameters: password, defaultGroup, state, tags',
    );
  });

  it('lets a user change their own password, checked against the policy, and ends their other sessions', async () => {
    // Prepare: an older session and the current one.
    const tenant = await createTenant();
    const user = await userWith({ [tenant]: 'reader' });
    const olderSession = await login(user.email, user.password);

    // Act
    const weak = await api('PATCH', userPath(user.email), { token: user.token, body: { password: 'alllowercase-but-long' } });
    const changed = await api('PATCH', userPath(user.email), { token: user.token, body: { password: 'Another-Passw0rd!' } });

    // Assess
    expect(weak.status).toBe(400);
    expect(weak.body.message).toContain('upper-case');
    expect(changed.status).toBe(204);
    expect((await api('POST', '/auth/login', { body: { email: user.email, password: 'Another-Passw0rd!' } })).status).toBe(200);
    expect((await api('GET', '/users/me', { token: user.token })).status).toBe(200);
    expect((await api('GET', '/users/me', { token: olderSession.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: olderSession.refreshToken } })).status).toBe(401);
  });

  it('refuses to change someone else’s password with 403', async () => {
    const tenant = await createTenant();
    const other = await createTestUser({ memberships: { [tenant]: 'reader' } });

    expect(
      (
        await api('PATCH', userPath(other.email), {
          token: rootToken,
          groupContext: tenant,
          body: { password: 'Another-Passw0rd!' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses to change your own state with SIF’s message', async () => {
    const tenant = await createTenant();
    const user = await userWith({ [tenant]: 'admin' });

    const response = await api('PATCH', userPath(user.email), { token: user.token, body: { state: 'disabled' } });

    expect(response.status).toBe(403);
    expect(response.body.message).toBe("User's may only update the state of other user.");
  });

  it('needs admin of every group the user belongs to for a state change', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const shared = await createTestUser({ memberships: { [tenantA]: 'reader', [tenantB]: 'reader' } });
    const adminOfA = await userWith({ [tenantA]: 'admin' });

    const response = await api('PATCH', userPath(shared.email), {
      token: adminOfA.token,
      groupContext: tenantA,
      body: { state: 'disabled' },
    });

    expect(response.status).toBe(403);
  });

  it('disables a user at once: login refused, unused token and refresh token rejected; re-enabling lets them back in', async () => {
    // Prepare
    const tenant = await createTenant();
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const tokens = await login(user.email, user.password);

    // Act
    const disabled = await api('PATCH', userPath(user.email), {
      token: rootToken,
      groupContext: tenant,
      body: { state: 'disabled' },
    });

    // Assess
    expect(disabled.status).toBe(204);
    expect((await api('POST', '/auth/login', { body: user })).status).toBe(401);
    expect((await api('GET', '/users/me', { token: tokens.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
    expect((await api('GET', userPath(user.email), { token: rootToken, groupContext: tenant })).body.state).toBe('disabled');

    expect(
      (await api('PATCH', userPath(user.email), { token: rootToken, groupContext: tenant, body: { state: 'active' } })).status,
    ).toBe(204);
    const again = await login(user.email, user.password);
    expect((await api('GET', '/users/me', { token: again.accessToken })).status).toBe(200);
  });

  it('sets a default group only within the user’s groups (400 otherwise)', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const other = await createTenant();
    const user = await userWith({ [tenant]: 'reader' });

    expect((await api('PATCH', userPath(user.email), { token: user.token, body: { defaultGroup: finance } })).status).toBe(204);
    expect((await api('PATCH', userPath(user.email), { token: user.token, body: { defaultGroup: other } })).status).toBe(400);
    expect((await readUserRecord(user.email))?.defaultGroup).toBe(finance);
  });

  it('changes tags (null removes one), and tag values are listed for users in the subtree', async () => {
    const tenant = await createTenant();
    const email = (
      await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader', tags: { company: 'abc', team: 'red' } })
    ).body.email;

    const response = await api('PATCH', userPath(email), {
      token: rootToken,
      groupContext: tenant,
      body: { tags: { company: 'xyz', team: null } },
    });
    const values = await api('GET', '/tags/company?resourceType=user', { token: rootToken, groupContext: tenant });

    expect(response.status).toBe(204);
    expect((await readUserRecord(email))?.tags).toEqual({ company: 'xyz' });
    expect(values.body.values).toEqual({ xyz: 'xyz' });
  });
});

describe('DELETE /users/{email}', () => {
  it('takes a revoked tagged user’s tag values out of the group’s listing', async () => {
    // Prepare
    const tenant = await createTenant();
    const kept = await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader', tags: { company: 'kept' } });
    const revoked = await invite(rootToken, tenant, { email: uniqueEmail(), role: 'reader', tags: { company: 'gone' } });

    // Act
    const response = await api('DELETE', userPath(revoked.body.email), { token: rootToken, groupContext: tenant });

    // Assess
    expect(kept.status).toBe(201);
    expect(response.status).toBe(204);
    const values = await api('GET', '/tags/company?resourceType=user', { token: rootToken, groupContext: tenant });
    expect(values.body.values).toEqual({ kept: 'kept' });
  });

  it('revokes the membership in the context and keeps the user while other memberships remain', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const user = await createTestUser({ memberships: { [tenantA]: 'reader', [tenantB]: 'reader' } });

    const response = await api('DELETE', userPath(user.email), { token: rootToken, groupContext: tenantA });

    expect(response.status).toBe(204);
    expect((await api('GET', userPath(user.email), { token: rootToken, groupContext: tenantB })).body.groups).toEqual({
      [tenantB]: 'reader',
    });
  });

  it('answers 409 when the user has no membership in the context or beneath it', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });

    expect((await api('DELETE', userPath(user.email), { token: rootToken, groupContext: finance })).status).toBe(409);
  });

  it('revokes only the membership in the context, as SIF does, keeping those beneath it', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const user = await createTestUser({ memberships: { [tenant]: 'reader', [finance]: 'contributor' } });

    const response = await api('DELETE', userPath(user.email), { token: rootToken, groupContext: tenant });

    expect(response.status).toBe(204);
    expect((await api('GET', userPath(user.email), { token: rootToken, groupContext: finance })).body.groups).toEqual({
      [finance]: 'contributor',
    });
  });

  it('answers 409 for a member of a child group only, and revokes the branch with includeChildGroups=true', async () => {
    const tenant = await createTenant();
    const finance = await createGroupUnder(tenant, 'finance');
    const user = await createTestUser({ memberships: { [finance]: 'reader' } });

    const plain = await api('DELETE', userPath(user.email), { token: rootToken, groupContext: tenant });
    const branch = await api('DELETE', `${userPath(user.email)}?includeChildGroups=true`, {
      token: rootToken,
      groupContext: tenant,
    });

    expect(plain.status).toBe(409);
    expect(branch.status).toBe(204);
    expect(await userPartitionItems(user.email)).toEqual([]);
  });

  it('removes the user from DynamoDB and Cognito when the last membership goes', async () => {
    const tenant = await createTenant();
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });

    const response = await api('DELETE', userPath(user.email), { token: rootToken, groupContext: tenant });

    expect(response.status).toBe(204);
    expect(await userPartitionItems(user.email)).toEqual([]);
    expect((await api('POST', '/auth/login', { body: user })).status).toBe(401);
    expect((await api('GET', userPath(user.email), { token: rootToken, groupContext: tenant })).status).toBe(404);
  });

  it('deletes a user with 200 memberships completely, leaving no membership behind', async () => {
    // Prepare: 200 groups under a tenant, the user a member of each.
    const tenant = `/${uniqueGroupName('big')}`;
    await createTestGroup(tenant);
    const groups = Array.from({ length: 200 }, (_, i) => `${tenant}/g-${i}`);
    await Promise.all(groups.map((id) => createTestGroup(id)));
    const user = await createTestUser({ memberships: {} });
    await addTestMemberships(user.email, Object.fromEntries(groups.map((id) => [id, 'reader' as const])));

    // Act
    const response = await api('DELETE', `${userPath(user.email)}?includeChildGroups=true`, {
      token: rootToken,
      groupContext: tenant,
    });

    // Assess
    expect(response.status).toBe(204);
    expect(await userPartitionItems(user.email)).toEqual([]);
    const index = TABLE_INDEXES.byParent;
    const { Items } = await testTable().doc.send(
      new QueryCommand({
        TableName: testTable().tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': `MEMBERS#${groups[123]}` },
      }),
    );
    expect(Items).toEqual([]);
  });

  it('refuses contributors with 403', async () => {
    const tenant = await createTenant();
    const contributor = await userWith({ [tenant]: 'contributor' });
    const target = await createTestUser({ memberships: { [tenant]: 'reader' } });

    expect((await api('DELETE', userPath(target.email), { token: contributor.token, groupContext: tenant })).status).toBe(403);
  });
});

describe('the last active admin of /', () => {
  // Prepare: only two active admins of `/`, X and Y. Every other admin of `/` is disabled for these tests and restored afterwards.
  const disabledHere: string[] = [];
  let x: Awaited<ReturnType<typeof userWith>>;
  let y: Awaited<ReturnType<typeof userWith>>;

  beforeAll(async () => {
    x = await userWith({ '/': 'admin' });
    y = await userWith({ '/': 'admin' });
    const index = TABLE_INDEXES.byParent;
    const { Items } = await testTable().doc.send(
      new QueryCommand({
        TableName: testTable().tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': 'MEMBERS#/' },
      }),
    );
    for (const item of Items ?? []) {
      const email = String(item.email);
      if (item.role !== 'admin' || email === x.email || email === y.email) continue;
      const record = await readUserRecord(email);
      if (record?.state === 'disabled') continue;
      await updateUserRecord(email, { state: 'disabled' });
      disabledHere.push(email);
    }
  });

  afterAll(async () => {
    for (const email of disabledHere) await updateUserRecord(email, { state: 'active' });
  });

  it('cannot be lost to two admins disabling each other at the same moment', async () => {
    const [xDisablesY, yDisablesX] = await Promise.all([
      api('PATCH', userPath(y.email), { token: x.token, groupContext: '/', body: { state: 'disabled' } }),
      api('PATCH', userPath(x.email), { token: y.token, groupContext: '/', body: { state: 'disabled' } }),
    ]);

    const statuses = [xDisablesY.status, yDisablesX.status];
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    const states = [(await readUserRecord(x.email))?.state, (await readUserRecord(y.email))?.state];
    expect(states.filter((state) => state !== 'disabled')).toHaveLength(1);
    // Put both back for the next test.
    await updateUserRecord(x.email, { state: 'active' });
    await updateUserRecord(y.email, { state: 'active' });
  });

  it('cannot be lost to two admins revoking each other at the same moment', async () => {
    const [xRevokesY, yRevokesX] = await Promise.all([
      api('DELETE', userPath(y.email), { token: x.token, groupContext: '/' }),
      api('DELETE', userPath(x.email), { token: y.token, groupContext: '/' }),
    ]);

    expect([xRevokesY.status, yRevokesX.status].filter((status) => status === 204)).toHaveLength(1);
  });

  it('refuses an admin revoking their own membership of /', async () => {
    const z = await userWith({ '/': 'admin' });

    const response = await api('DELETE', userPath(z.email), { token: z.token, groupContext: '/' });

    expect(response.status).toBe(409);
  });
});
