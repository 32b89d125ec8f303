/** The check API against the local stack: the decisions the bank's other services rely on. */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, login } from './support/api.ts';
import { addTestMemberships, createTestUser, uniqueEmail, uniqueGroupName, updateUserRecord } from './support/fixtures.ts';

let rootToken: string;
let tenant: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
  tenant = (await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('bank') } })).body
    .id;
  for (const name of ['finance', 'hr']) await api('POST', '/groups', { token: rootToken, groupContext: tenant, body: { name } });
  await api('POST', '/groups', { token: rootToken, groupContext: `${tenant}/finance`, body: { name: 'ap' } });
});

const check = (token: string, body: Record<string, unknown>, groupContext?: string) =>
  api('POST', '/authorizations/check', { token, body, groupContext });

describe('POST /authorizations/check', () => {
  it('allows a contributor a business action in their group and beneath it, and names the membership that decided', async () => {
    const ann = await createTestUser({ memberships: { [`${tenant}/finance`]: 'contributor' } });
    const { accessToken } = await login(ann.email, ann.password);

    const here = await check(accessToken, { action: 'payments:approve', groupId: `${tenant}/finance/ap` });
    const above = await check(accessToken, { action: 'payments:approve', groupId: tenant });
    const iam = await check(accessToken, { action: 'iam:users:invite', groupId: `${tenant}/finance` });

    expect(here.body).toEqual({
      allowed: true,
      role: 'contributor',
      grantedAt: `${tenant}/finance`,
      reason: expect.stringContaining('allows'),
    });
    expect(above.body).toMatchObject({ allowed: false, role: null, grantedAt: null });
    expect(iam.body).toMatchObject({ allowed: false, role: 'contributor' });
  });

  it('lets the deepest membership decide', async () => {
    const bob = await createTestUser({ memberships: { [tenant]: 'admin', [`${tenant}/finance`]: 'reader' } });
    const { accessToken } = await login(bob.email, bob.password);

    const inFinance = await check(accessToken, { action: 'payments:approve', groupId: `${tenant}/finance/ap` });
    const inHr = await check(accessToken, { action: 'payments:approve', groupId: `${tenant}/hr` });

    expect(inFinance.body).toMatchObject({ allowed: false, role: 'reader', grantedAt: `${tenant}/finance` });
    expect(inHr.body).toMatchObject({ allowed: true, role: 'admin', grantedAt: tenant });
  });

  it('checks someone else visible in the context, and answers someone invisible like someone unknown', async () => {
    const ann = await createTestUser({ memberships: { [`${tenant}/finance`]: 'contributor' } });
    const other = (
      await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('other') } })
    ).body.id;
    const stranger = await createTestUser({ memberships: { [other]: 'admin' } });
    const reader = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const { accessToken } = await login(reader.email, reader.password);

    const visible = await check(
      accessToken,
      { action: 'payments:approve', groupId: `${tenant}/finance`, email: ann.email },
      tenant,
    );
    const invisible = await check(accessToken, { action: 'payments:approve', email: stranger.email }, tenant);
    const unknown = await check(accessToken, { action: 'payments:approve', email: uniqueEmail('nobody') }, tenant);

    expect(visible.body).toMatchObject({ allowed: true, role: 'contributor' });
    expect(invisible.body).toEqual(unknown.body);
    expect(invisible.body.allowed).toBe(false);
  });

  it('refuses to check someone else without a role in the context (403)', async () => {
    const ann = await createTestUser({ memberships: { [`${tenant}/finance`]: 'contributor' } });
    const { accessToken } = await login(ann.email, ann.password);

    const response = await check(accessToken, { action: 'payments:approve', email: adminCredentials().email }, `${tenant}/hr`);

    expect(response.status).toBe(403);
  });

  it('refuses a disabled user', async () => {
    const ann = await createTestUser({ memberships: { [`${tenant}/finance`]: 'contributor' } });
    await updateUserRecord(ann.email, { state: 'disabled' });

    const response = await check(
      rootToken,
      { action: 'payments:approve', groupId: `${tenant}/finance`, email: ann.email },
      tenant,
    );

    expect(response.body).toMatchObject({ allowed: false, reason: 'The user is disabled' });
  });

  it('answers a malformed action with 400', async () => {
    expect((await check(rootToken, { action: 'Pay Money' })).status).toBe(400);
  });
});

describe('POST /authorizations/check-batch', () => {
  it('answers 100 checks in order in one call, and refuses 101', async () => {
    const ann = await createTestUser({ memberships: { [`${tenant}/finance`]: 'contributor' } });
    const checks = Array.from({ length: 100 }, (_, i) => ({
      action: i % 2 === 0 ? 'payments:approve' : 'iam:groups:delete',
      groupId: i % 3 === 0 ? `${tenant}/hr` : `${tenant}/finance/ap`,
      email: ann.email,
    }));

    const response = await api('POST', '/authorizations/check-batch', {
      token: rootToken,
      groupContext: tenant,
      body: { checks },
    });
    const tooMany = await api('POST', '/authorizations/check-batch', {
      token: rootToken,
      groupContext: tenant,
      body: { checks: [...checks, checks[0]] },
    });

    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(100);
    response.body.results.forEach((result: { allowed: boolean }, i: number) => {
      expect(result.allowed, `check ${i}`).toBe(i % 2 === 0 && i % 3 !== 0);
    });
    expect(tooMany.status).toBe(400);
  });
  it('decides 100 checks of 100 distinct people, each by their own role on the path and their own state', async () => {
    // Prepare: profiles and memberships written directly (a check reads only the table).
    await api('POST', '/roles', {
      token: rootToken,
      groupContext: tenant,
      body: { name: 'batch-approver', actions: ['payments:approve'] },
    });
    const kinds = ['reader', 'contributor', 'batch-approver', 'admin', 'disabled'] as const;
    const people = Array.from({ length: 100 }, (_, i) => ({ email: uniqueEmail(`batch${i}`), kind: kinds[i % kinds.length]! }));
    await Promise.all(
      people.map(async ({ email, kind }) => {
        const at = new Date().toISOString();
        await updateUserRecord(email, {
          email,
          state: kind === 'disabled' ? 'disabled' : 'active',
          createdBy: 'test',
          createdAt: at,
        });
        await addTestMemberships(email, { [`${tenant}/finance`]: kind === 'disabled' ? 'contributor' : kind });
      }),
    );

    // Act
    const response = await api('POST', '/authorizations/check-batch', {
      token: rootToken,
      groupContext: tenant,
      body: { checks: people.map(({ email }) => ({ action: 'payments:approve', groupId: `${tenant}/finance/ap`, email })) },
    });

    // Assess
    expect(response.status).toBe(200);
    response.body.results.forEach((result: { allowed: boolean; role: string; reason: string }, i: number) => {
      const { kind } = people[i]!;
      expect(result.allowed, `${kind} ${i}`).toBe(kind === 'contributor' || kind === 'batch-approver' || kind === 'admin');
      expect(result.role, `${kind} ${i}`).toBe(kind === 'disabled' ? 'contributor' : kind);
      if (kind === 'disabled') expect(result.reason).toBe('The user is disabled');
    });
  });
});

describe('GET /users/{email}/permissions', () => {
  it('lists the role that decides at a group and the action patterns it allows', async () => {
    const ann = await createTestUser({ memberships: { [`${tenant}/finance`]: 'reader' } });
    const { accessToken } = await login(ann.email, ann.password);

    const response = await api(
      'GET',
      `/users/${encodeURIComponent(ann.email)}/permissions?groupId=${encodeURIComponent(`${tenant}/finance/ap`)}`,
      { token: accessToken },
    );

    expect(response.body).toEqual({
      email: ann.email,
      groupId: `${tenant}/finance/ap`,
      role: 'reader',
      grantedAt: `${tenant}/finance`,
      actions: ['*:read', '*:list', '(except iam:audit:*)'],
    });
  });
});
