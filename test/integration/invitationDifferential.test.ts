/**
 * A pending invitation reveals nothing: for every user route, a tenant admin acting on an email
 * never seen before and on an email that has an account in another tenant (both invited by that
 * admin) gets identical statuses and bodies, ignoring only the email itself and timestamps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, login, type ApiResponse } from './support/api.ts';
import { createTestUser, readUserRecord, uniqueEmail, uniqueGroupName, userPartitionItems } from './support/fixtures.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

const userPath = (email: string, rest = '') => `/users/${encodeURIComponent(email)}${rest}`;

interface Tenant {
  id: string;
  finance: string;
  adminToken: string;
  readerToken: string;
}

async function tenantWithAdminAndReader(): Promise<Tenant> {
  const created = await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('t') } });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  const finance = await api('POST', '/groups', { token: rootToken, groupContext: id, body: { name: 'finance' } });
  expect(finance.status).toBe(201);
  const admin = await createTestUser({ memberships: { [id]: 'admin' } });
  const reader = await createTestUser({ memberships: { [id]: 'reader' } });
  return {
    id,
    finance: finance.body.id,
    adminToken: (await login(admin.email, admin.password)).accessToken,
    readerToken: (await login(reader.email, reader.password)).accessToken,
  };
}

/** An email with an account (and a login history) in another tenant. */
async function emailWithAccountElsewhere(): Promise<string> {
  const other = await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('a') } });
  const user = await createTestUser({ email: uniqueEmail('elsewhere'), memberships: { [other.body.id]: 'contributor' } });
  await login(user.email, user.password);
  return user.email;
}

/** The answer with the email and every timestamp replaced, so two answers compare as wholes. */
function normalised(response: ApiResponse, email: string): unknown {
  const text = JSON.stringify({ status: response.status, body: response.body ?? null });
  return JSON.parse(
    text.replaceAll(email, '<email>').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>'),
  ) as unknown;
}

type Step = (tenant: Tenant, email: string) => Promise<ApiResponse>;

const inviteAs =
  (role: string, body: Record<string, unknown> = {}): Step =>
  (tenant, email) =>
    api('POST', '/users', { token: tenant.adminToken, groupContext: tenant.id, body: { email, role, ...body } });
const getUser: Step = (tenant, email) => api('GET', userPath(email), { token: tenant.adminToken, groupContext: tenant.id });
const patch =
  (body: (tenant: Tenant) => Record<string, unknown>, as: 'admin' | 'reader' = 'admin'): Step =>
  (tenant, email) =>
    api('PATCH', userPath(email), {
      token: as === 'admin' ? tenant.adminToken : tenant.readerToken,
      groupContext: tenant.id,
      body: body(tenant),
    });

/** Each case: what happens first (after the invitation), then the answers compared. */
const cases: { route: string; before?: Step[]; compare: Step[] }[] = [
  { route: 'POST /users (the invitation itself)', compare: [] },
  { route: 'POST /users again (another role, a default group)', compare: [inviteAs('contributor', {})] },
  { route: 'GET /users/{email}', compare: [getUser] },
  {
    route: 'GET /users (the listed entry)',
    compare: [
      async (tenant, email) => {
        const listed = await api('GET', '/users?count=100', { token: tenant.adminToken, groupContext: tenant.id });
        return { ...listed, body: listed.body.users.find((user: { email: string }) => user.email === email) };
      },
    ],
  },
  {
    route: 'GET /users?includeChildGroups&tags (the listed entry)',
    before: [patch(() => ({ tags: { team: 'ops' } }))],
    compare: [
      async (tenant, email) => {
        const listed = await api('GET', '/users?includeChildGroups=true&tags=team:ops', {
          token: tenant.adminToken,
          groupContext: tenant.id,
        });
        return { ...listed, body: listed.body.users.find((user: { email: string }) => user.email === email) ?? null };
      },
    ],
  },
  { route: 'PATCH state disabled, then GET', compare: [patch(() => ({ state: 'disabled' })), getUser] },
  { route: 'PATCH state active while invited, then GET', compare: [patch(() => ({ state: 'active' })), getUser] },
  {
    route: 'PATCH state disabled then active, then GET',
    compare: [patch(() => ({ state: 'disabled' })), patch(() => ({ state: 'active' })), getUser],
  },
  { route: 'PATCH tags, then GET', compare: [patch(() => ({ tags: { region: 'emea', team: 'ops' } })), getUser] },
  { route: 'PATCH a default group within, then GET', compare: [patch((tenant) => ({ defaultGroup: tenant.finance })), getUser] },
  { route: 'PATCH a default group outside', compare: [patch(() => ({ defaultGroup: '/elsewhere' }))] },
  { route: 'PATCH a missing default group', compare: [patch((tenant) => ({ defaultGroup: `${tenant.id}/missing` }))] },
  { route: 'PATCH someone else’s password', compare: [patch(() => ({ password: 'An0ther-Passw0rd!' }))] },
  { route: 'PATCH state by a reader', compare: [patch(() => ({ state: 'disabled' }), 'reader')] },
  { route: 'PATCH tags by a reader', compare: [patch(() => ({ tags: { a: 'b' } }), 'reader')] },
  {
    route: 'DELETE /users/{email}, then GET',
    compare: [(tenant, email) => api('DELETE', userPath(email), { token: tenant.adminToken, groupContext: tenant.id }), getUser],
  },
  {
    route: 'DELETE /users/{email} with includeChildGroups',
    compare: [
      (tenant, email) =>
        api('DELETE', userPath(email, '?includeChildGroups=true'), { token: tenant.adminToken, groupContext: tenant.id }),
    ],
  },
  {
    route: 'DELETE /users/{email} in a child group',
    compare: [(tenant, email) => api('DELETE', userPath(email), { token: tenant.adminToken, groupContext: tenant.finance })],
  },
  {
    route: 'GET /users/{email}/logins',
    compare: [(tenant, email) => api('GET', userPath(email, '/logins'), { token: tenant.adminToken, groupContext: tenant.id })],
  },
  {
    route: 'GET /users/{email}/logins by a reader',
    compare: [(tenant, email) => api('GET', userPath(email, '/logins'), { token: tenant.readerToken, groupContext: tenant.id })],
  },
  {
    route: 'DELETE /users/{email}/sessions',
    compare: [
      (tenant, email) => api('DELETE', userPath(email, '/sessions'), { token: tenant.adminToken, groupContext: tenant.id }),
    ],
  },
  {
    route: 'DELETE /users/{email}/sessions by a reader',
    compare: [
      (tenant, email) => api('DELETE', userPath(email, '/sessions'), { token: tenant.readerToken, groupContext: tenant.id }),
    ],
  },
  {
    route: 'GET /users/{email}/permissions',
    compare: [
      (tenant, email) => api('GET', userPath(email, '/permissions'), { token: tenant.adminToken, groupContext: tenant.id }),
      (tenant, email) =>
        api('GET', userPath(email, `/permissions?groupId=${encodeURIComponent(tenant.finance)}`), {
          token: tenant.adminToken,
          groupContext: tenant.id,
        }),
    ],
  },
  {
    route: 'POST /authorizations/check and check-batch',
    compare: [
      (tenant, email) =>
        api('POST', '/authorizations/check', {
          token: tenant.readerToken,
          groupContext: tenant.id,
          body: { email, action: 'iam:groups:read', groupId: tenant.finance },
        }),
      (tenant, email) =>
        api('POST', '/authorizations/check-batch', {
          token: tenant.adminToken,
          groupContext: tenant.id,
          body: {
            checks: [
              { email, action: 'iam:users:update' },
              { email, action: 'payments:approve', groupId: tenant.finance },
            ],
          },
        }),
    ],
  },
];

describe('a never-seen email and an email with an account elsewhere, invited by the same tenant admin', () => {
  it.each(cases)('answer alike: $route', async ({ before = [], compare }) => {
    // Prepare
    const tenant = await tenantWithAdminAndReader();
    const [neverSeen, elsewhere] = [uniqueEmail('never-seen'), await emailWithAccountElsewhere()];
    const invitations = [await inviteAs('reader')(tenant, neverSeen), await inviteAs('reader')(tenant, elsewhere)];
    for (const step of before) {
      await step(tenant, neverSeen);
      await step(tenant, elsewhere);
    }

    // Act
    const answers: ApiResponse[][] = [[invitations[0]!], [invitations[1]!]];
    for (const step of compare) {
      answers[0]!.push(await step(tenant, neverSeen));
      answers[1]!.push(await step(tenant, elsewhere));
    }

    // Assess
    expect(invitations[0]!.status).toBe(201);
    expect(answers[1]!.map((answer) => normalised(answer, elsewhere))).toEqual(
      answers[0]!.map((answer) => normalised(answer, neverSeen)),
    );
  });

  it('answer alike in the tag values in use: tagged, re-tagged, then revoked, each in a tenant of its own', async () => {
    // Prepare: the same steps in two tenants, one inviting a never-seen email, the other an email with an account elsewhere
    const tenants = [await tenantWithAdminAndReader(), await tenantWithAdminAndReader()];
    const emails = [uniqueEmail('never-seen'), await emailWithAccountElsewhere()];
    const steps: Step[] = [
      inviteAs('reader'),
      patch(() => ({ tags: { region: 'emea/uk', team: 'ops' } })),
      (tenant) => api('GET', '/tags/region?resourceType=user', { token: tenant.adminToken, groupContext: tenant.id }),
      (tenant) =>
        api('GET', '/tags/region?resourceType=user&parentValue=emea', { token: tenant.adminToken, groupContext: tenant.id }),
      patch(() => ({ tags: { region: 'apac', team: null } })),
      (tenant) => api('GET', '/tags/region?resourceType=user', { token: tenant.adminToken, groupContext: tenant.id }),
      (tenant) => api('GET', '/tags/team?resourceType=user', { token: tenant.adminToken, groupContext: tenant.id }),
      (tenant, email) => api('DELETE', userPath(email), { token: tenant.adminToken, groupContext: tenant.id }),
      (tenant) => api('GET', '/tags/region?resourceType=user', { token: tenant.adminToken, groupContext: tenant.id }),
    ];

    // Act
    const answers: ApiResponse[][] = [[], []];
    for (const step of steps) for (const i of [0, 1]) answers[i]!.push(await step(tenants[i]!, emails[i]!));

    // Assess
    const seen = (answer: ApiResponse) => [answer.status, answer.body?.values];
    expect(answers[0]!.map((answer) => answer.status)).toEqual([201, 204, 200, 200, 204, 200, 200, 204, 200]);
    expect(answers[0]![2]!.body.values).toEqual({ emea: 'emea' });
    expect(answers[1]!.map(seen)).toEqual(answers[0]!.map(seen));
  });

  it('answer alike when a full sole-trader tenant refuses them, whatever else the request gets wrong', async () => {
    // Prepare: a sole-trader tenant holds its one user, its owner.
    const name = uniqueGroupName('solo');
    const owner = uniqueEmail('owner');
    const onboarded = await api('POST', '/tenants', { token: rootToken, body: { name, plan: 'sole-trader', ownerEmail: owner } });
    expect(onboarded.status).toBe(201);
    const tenantId: string = onboarded.body.id;
    const [neverSeen, elsewhere] = [uniqueEmail('never-seen'), await emailWithAccountElsewhere()];
    const bodies = [
      { role: 'reader' },
      { role: 'reader', defaultGroup: `${tenantId}/missing` },
      { role: 'reader', defaultGroup: '/x' },
    ];

    // Act
    const answers = await Promise.all(
      [neverSeen, elsewhere].map(async (email) => {
        const results: ApiResponse[] = [];
        for (const body of bodies)
          results.push(await api('POST', '/users', { token: rootToken, groupContext: tenantId, body: { email, ...body } }));
        return results.map((result) => normalised(result, email));
      }),
    );

    // Assess
    expect(answers[0]!.map((answer) => (answer as { status: number }).status)).toEqual([409, 404, 409]);
    expect(answers[1]).toEqual(answers[0]);
  });
});

describe('someone whose only link to the tenant is a pending invitation', () => {
  it('cannot be disabled, have their login history read or their sessions ended by a reader (403)', async () => {
    // Prepare
    const tenant = await tenantWithAdminAndReader();
    const elsewhere = await emailWithAccountElsewhere();
    await inviteAs('reader')(tenant, elsewhere);
    const asReader = { token: tenant.readerToken, groupContext: tenant.id };

    // Act
    const answers = [
      await api('PATCH', userPath(elsewhere), { ...asReader, body: { state: 'disabled' } }),
      await api('GET', userPath(elsewhere, '/logins'), asReader),
      await api('DELETE', userPath(elsewhere, '/sessions'), asReader),
    ];

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403]);
  });

  it('keeps their account elsewhere untouched by whatever the inviting tenant does to the invitation', async () => {
    // Prepare
    const tenant = await tenantWithAdminAndReader();
    const elsewhere = await emailWithAccountElsewhere();
    await inviteAs('reader')(tenant, elsewhere);
    const asAdmin = { token: tenant.adminToken, groupContext: tenant.id };

    // Act
    await api('PATCH', userPath(elsewhere), { ...asAdmin, body: { state: 'disabled', tags: { team: 'ops' } } });
    await api('DELETE', userPath(elsewhere, '/sessions'), asAdmin);
    const record = await readUserRecord(elsewhere);

    // Assess
    expect(record).toMatchObject({ state: 'active' });
    expect(record?.tags).toBeUndefined();
    expect(record?.updatedBy).toBeUndefined();
  });
});

describe('an invitation to someone already a member there', () => {
  it('never replaces their membership: an invite-only role inviting a reader as admin gets 409, the membership unchanged', async () => {
    // Prepare
    const tenant = await tenantWithAdminAndReader();
    const role = await api('POST', '/roles', {
      token: rootToken,
      groupContext: tenant.id,
      body: { name: 'inviter', actions: ['iam:users:invite', 'iam:users:read'] },
    });
    expect(role.status).toBe(201);
    const inviter = uniqueEmail('inviter');
    const granted = await api('POST', '/users', {
      token: rootToken,
      groupContext: tenant.id,
      body: { email: inviter, role: 'inviter', password: 'Temporary-Passw0rd!' },
    });
    expect(granted.status).toBe(201);
    const first = await api('POST', '/auth/login', { body: { email: inviter, password: 'Temporary-Passw0rd!' } });
    const answered = await api('POST', '/auth/challenge', {
      body: { email: inviter, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'Chosen-Passw0rd!' },
    });
    const inviterToken: string = answered.body.accessToken;
    const member = await createTestUser({ memberships: { [tenant.id]: 'reader' } });

    // Act
    const invited = await api('POST', '/users', {
      token: inviterToken,
      groupContext: tenant.id,
      body: { email: member.email, role: 'admin' },
    });

    // Assess: refused (409 here; a grant ceiling may refuse it first with 403)
    expect([403, 409]).toContain(invited.status);
    const items = await userPartitionItems(member.email);
    expect(items.find((item) => item.sk === `MEMBER#${tenant.id}`)).toMatchObject({ role: 'reader' });
    expect(items.find((item) => item.sk === `MEMBER#${tenant.id}`)?.status).toBeUndefined();
  });
});
