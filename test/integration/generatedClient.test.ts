/**
 * The README's curl walkthrough, through a client generated from docs/swagger.json alone
 * (openapi-typescript types in docs/apiTypes.ts, calls through openapi-fetch), type-checked
 * strictly: what a developer of another bank service integrating from the document gets.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import type { paths } from '../../docs/apiTypes.ts';
import { uniqueGroupName } from './support/fixtures.ts';
import { assertResponseMatchesDocument } from './support/contract.ts';

/** Every answer the generated client receives is checked against the document too. */
const matchesDocument: Middleware = {
  async onResponse({ request, response }) {
    const text = await response.clone().text();
    assertResponseMatchesDocument(
      request.method,
      new URL(request.url).pathname,
      response.status,
      text ? JSON.parse(text) : undefined,
    );
  },
};

function client(token?: string) {
  const headers: Record<string, string> = { 'Accept-Version': '1.0.0', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  const api = createClient<paths>({ baseUrl: inject('stack').apiUrl, headers });
  api.use(matchesDocument);
  return api;
}

async function logIn(email: string, password: string): Promise<string> {
  const { data } = await client().POST('/auth/login', { body: { email, password } });
  if (!data || !('accessToken' in data)) throw new Error(`login of ${email} gave no tokens`);
  return data.accessToken;
}

async function temporaryPassword(email: string): Promise<string> {
  // The local outbox is not part of the API (never deployed), so it is not in the document.
  const response = await fetch(`${inject('stack').apiUrl}/dev/outbox?to=${encodeURIComponent(email)}`);
  const { messages } = (await response.json()) as { messages: { body: string }[] };
  const password = /temporary password (\S+);/.exec(messages[0]?.body ?? '')?.[1];
  if (!password) throw new Error(`no temporary password for ${email} in the outbox`);
  return password;
}

describe('the README walkthrough through the generated client', () => {
  it('logs in, builds a group tree, invites Ann, and shows what she can and cannot do', async () => {
    // Prepare: the seeded admin, and names of our own on the shared stack
    const { email: adminEmail, password: adminPassword } = inject('stack').admin;
    const admin = client(await logIn(adminEmail, adminPassword));
    const acmeName = uniqueGroupName('acme');
    const annEmail = `ann-${acmeName}@acme.example`;

    // Act and assess: the root group, by its plain id
    const root = await admin.GET('/groups/{groupId}', { params: { path: { groupId: '/' } } });
    expect(root.response.status).toBe(200);
    expect(root.data?.id).toBe('/');

    // Create the business under / and a department in it (x-groupcontextid selects the group acted in)
    const acme = await admin.POST('/groups', {
      body: { name: acmeName, tags: { region: 'emea/uk' }, configuration: { security: { mfaRequired: false } } },
    });
    expect(acme.response.status).toBe(201);
    const acmeId = acme.data!.id;
    expect(acme.response.headers.get('x-groupid')).toBe(acmeId);
    const finance = await admin.POST('/groups', {
      params: { header: { 'x-groupcontextid': acmeId } },
      body: { name: 'Finance' },
    });
    expect(finance.data?.configuration).toEqual({ security: { mfaRequired: false } });
    const financeId = `${acmeId}/finance`;

    // The subtree, and the path from / down to the context, a page of 2 at a time
    const subtree = await admin.GET('/groups', {
      params: { header: { 'x-groupcontextid': acmeId }, query: { includeChildGroups: 'true' } },
    });
    expect(subtree.data?.groups.map((group) => group.id)).toEqual([financeId]);
    const parents = await admin.GET('/groups', {
      params: { header: { 'x-groupcontextid': acmeId }, query: { includeParentGroups: 'true', count: 2 } },
    });
    expect(parents.data?.groups.map((group) => group.id)).toEqual(['/', acmeId]);
    expect(parents.data?.pagination?.lastEvaluatedToken).toEqual(expect.any(String));

    // Change a group; list the regions in use
    const described = await admin.PATCH('/groups/{groupId}', {
      params: { path: { groupId: financeId } },
      body: { description: 'Payables and receivables' },
    });
    expect(described.data?.description).toBe('Payables and receivables');
    const regions = await admin.GET('/tags/{key}', {
      params: { path: { key: 'region' }, header: { 'x-groupcontextid': acmeId }, query: { parentValue: 'emea' } },
    });
    expect(regions.data?.values).toEqual({ 'emea/uk': 'uk' });

    // A group is disabled, and empty, before it is deleted
    await admin.POST('/groups', { params: { header: { 'x-groupcontextid': acmeId } }, body: { name: 'Archive' } });
    const archive = { params: { path: { groupId: `${acmeId}/archive` } } };
    expect((await admin.PATCH('/groups/{groupId}', { ...archive, body: { state: 'disabled' } })).response.status).toBe(200);
    expect((await admin.DELETE('/groups/{groupId}', archive)).response.status).toBe(204);

    // Invite Ann as a contributor of finance; her first login answers the new-password challenge
    const invited = await admin.POST('/users', {
      params: { header: { 'x-groupcontextid': financeId } },
      body: { email: annEmail, role: 'contributor' },
    });
    expect(invited.data).toMatchObject({ email: annEmail, state: 'invited', groups: { [financeId]: 'contributor' } });
    const first = await client().POST('/auth/login', { body: { email: annEmail, password: await temporaryPassword(annEmail) } });
    if (!first.data || !('session' in first.data)) throw new Error('the first login gave no challenge');
    const answered = await client().POST('/auth/challenge', {
      body: {
        email: annEmail,
        challenge: 'NEW_PASSWORD_REQUIRED',
        session: first.data.session,
        newPassword: 'Ann-Secret-Passw0rd',
      },
    });
    if (!answered.data || !('accessToken' in answered.data)) throw new Error('the challenge answer gave no tokens');
    const ann = client(answered.data.accessToken);

    // What Ann can and cannot do
    const me = await ann.GET('/users/me');
    expect(me.data).toMatchObject({ email: annEmail, state: 'active', role: { role: 'contributor', grantedAt: financeId } });
    expect((await ann.GET('/groups/{groupId}', { params: { path: { groupId: financeId } } })).response.status).toBe(200);
    expect((await ann.GET('/groups/{groupId}', { params: { path: { groupId: `${acmeId}/hr` } } })).response.status).toBe(404);
    expect((await ann.POST('/groups', { body: { name: 'Payables' } })).response.status).toBe(403);
    const self = { params: { path: { email: annEmail } } };
    expect((await ann.PATCH('/users/{email}', { ...self, body: { state: 'disabled' } })).response.status).toBe(403);
    const weak = await ann.PATCH('/users/{email}', { ...self, body: { password: 'weak' } });
    expect(weak.response.status).toBe(400);
    expect(weak.error?.message).toMatch(/Password must contain/);

    // The payments service's question, asked with her token
    const check = await ann.POST('/authorizations/check', { body: { action: 'payments:approve', groupId: financeId } });
    expect(check.data).toMatchObject({ allowed: true, role: 'contributor', grantedAt: financeId });

    // The admin disables her
    const disabled = await admin.PATCH('/users/{email}', {
      params: { path: { email: annEmail }, header: { 'x-groupcontextid': acmeId } },
      body: { state: 'disabled' },
    });
    expect(disabled.response.status).toBe(204);
  });
});
