/**
 * The groups API against the local stack: the tree's rules, tenant isolation, configuration
 * inheritance, pagination, concurrency and the audit trail.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { createTestUser, testTable, uniqueGroupName } from './support/fixtures.ts';

let adminToken: string;

beforeAll(async () => {
  adminToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

/** A fresh top-level group (a tenant) created through the API by the root admin. */
async function createTenant(body: Record<string, unknown> = {}): Promise<string> {
  const response = await api('POST', '/groups', {
    token: adminToken,
    groupContext: '/',
    body: { name: uniqueGroupName('tenant'), ...body },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function createChild(token: string, parentId: string, name: string, body: Record<string, unknown> = {}) {
  return api('POST', '/groups', { token, groupContext: parentId, body: { name, ...body } });
}

async function tokenFor(memberships: Record<string, 'reader' | 'contributor' | 'admin'>): Promise<string> {
  const user = await createTestUser({ memberships });
  return (await login(user.email, user.password)).accessToken;
}

async function collectPages(
  token: string,
  contextId: string,
  query: string,
  count: number,
): Promise<{ ids: string[]; pageSizes: number[] }> {
  const ids: string[] = [];
  const pageSizes: number[] = [];
  let fromToken: string | undefined;
  do {
    const response = await api(
      'GET',
      `/groups?${query}&count=${count}${fromToken ? `&fromToken=${encodeURIComponent(fromToken)}` : ''}`,
      { token, groupContext: contextId },
    );
    expect(response.status).toBe(200);
    ids.push(...response.body.groups.map((group: { id: string }) => group.id));
    pageSizes.push(response.body.groups.length);
    fromToken = response.body.pagination?.lastEvaluatedToken;
  } while (fromToken);
  return { ids, pageSizes };
}

describe('POST /groups', () => {
  it('creates <context>/<lower-cased name> with 201, the x-groupid header and who created it when', async () => {
    const tenant = await createTenant();

    const response = await createChild(adminToken, tenant, 'Finance', { description: 'Money', tags: { region: 'emea/uk' } });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-groupid')).toBe(`${tenant}/finance`);
    expect(response.body).toMatchObject({
      id: `${tenant}/finance`,
      name: 'Finance',
      description: 'Money',
      state: 'active',
      tags: { region: 'emea/uk' },
      createdBy: adminCredentials().email,
      createdAt: expect.any(String),
    });
  });

  it('refuses names with spaces or other characters with 400', async () => {
    const response = await createChild(adminToken, '/', 'not allowed');

    expect(response.status).toBe(400);
  });

  it('refuses a group whose full id would exceed 114 characters with 400', async () => {
    const tenant = await createTenant();

    const response = await createChild(adminToken, tenant, 'x'.repeat(114 - tenant.length));

    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/114/);
  });

  it('answers 404 when the group in context does not exist', async () => {
    const response = await createChild(adminToken, `/${uniqueGroupName('missing')}`, 'child');

    expect(response.status).toBe(404);
  });

  it('answers 409 when the group already exists, whatever the case of the name', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'payroll');

    const response = await createChild(adminToken, tenant, 'PayRoll');

    expect(response.status).toBe(409);
  });

  it('gives exactly one 201 and nineteen 409s for twenty identical creates in parallel', async () => {
    const tenant = await createTenant();

    const responses = await Promise.all(Array.from({ length: 20 }, () => createChild(adminToken, tenant, 'race')));

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });

  it('refuses contributors and readers of the context with 403', async () => {
    const tenant = await createTenant();
    const contributor = await tokenFor({ [tenant]: 'contributor' });
    const reader = await tokenFor({ [tenant]: 'reader' });

    expect((await createChild(contributor, tenant, 'x')).status).toBe(403);
    expect((await createChild(reader, tenant, 'y')).status).toBe(403);
  });

  it('refuses an admin of one tenant acting in another tenant with 403', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const adminOfA = await tokenFor({ [tenantA]: 'admin' });

    const response = await createChild(adminOfA, tenantB, 'intruder');

    expect(response.status).toBe(403);
  });

  it('refuses new sub-groups under a disabled group with 409', async () => {
    const tenant = await createTenant();
    await api('PATCH', groupPath(tenant), { token: adminToken, body: { state: 'disabled' } });

    const response = await createChild(adminToken, tenant, 'late');

    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/disabled/);
  });

  it('writes the audit event with actor, type, target, changes and request id', async () => {
    const tenant = await createTenant({ description: 'audited' });

    const { Items } = await testTable().doc.send(
      new QueryCommand({
        TableName: testTable().tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#group#${tenant}` },
      }),
    );

    expect(Items).toHaveLength(1);
    expect(Items![0]).toMatchObject({
      actor: adminCredentials().email,
      type: 'group.created',
      target: { type: 'group', id: tenant },
      changes: { id: { after: tenant }, description: { after: 'audited' } },
      requestId: expect.any(String),
    });
  });
});

describe('GET /groups/{groupId}', () => {
  it('returns the effective configuration, deep-merged down the tree, nearer groups winning', async () => {
    const tenant = await createTenant({ configuration: { payments: { approvals: 2, limit: 10_000 }, locale: 'en-GB' } });
    await createChild(adminToken, tenant, 'finance', { configuration: { payments: { limit: 500 }, locale: null } });

    const response = await api('GET', groupPath(`${tenant}/finance`), { token: adminToken });

    expect(response.status).toBe(200);
    expect(response.body.configuration).toEqual({ payments: { approvals: 2, limit: 500 } });
  });

  it('shows what each group contributes with showConfigurationSource=true', async () => {
    const tenant = await createTenant({ configuration: { a: 1 } });
    await createChild(adminToken, tenant, 'finance', { configuration: { b: 2 } });

    const response = await api('GET', `${groupPath(`${tenant}/finance`)}?showConfigurationSource=true`, { token: adminToken });

    expect(response.body.configurationSource).toMatchObject({ [tenant]: { a: 1 }, [`${tenant}/finance`]: { b: 2 } });
  });

  it('lets a reader of an ancestor read a group at any depth beneath it', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'a');
    await createChild(adminToken, `${tenant}/a`, 'b');
    const reader = await tokenFor({ [tenant]: 'reader' });

    const response = await api('GET', groupPath(`${tenant}/a/b`), { token: reader });

    expect(response.status).toBe(200);
  });

  it('answers 404 alike for a missing group and for another tenant’s group', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const adminOfA = await tokenFor({ [tenantA]: 'admin' });

    const hidden = await api('GET', groupPath(tenantB), { token: adminOfA });
    const missing = await api('GET', groupPath(`${tenantA}/nothing`), { token: adminOfA });

    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
  });
});

describe('GET /groups', () => {
  it('lists the direct children of the context by default, without configuration', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'a', { configuration: { x: 1 } });
    await createChild(adminToken, `${tenant}/a`, 'deep');
    await createChild(adminToken, tenant, 'b');

    const response = await api('GET', '/groups', { token: adminToken, groupContext: tenant });

    expect(response.body.groups.map((group: { id: string }) => group.id)).toEqual([`${tenant}/a`, `${tenant}/b`]);
    expect(response.body.groups[0].configuration).toBeUndefined();
    expect(response.body.pagination).toBeUndefined();
  });

  it('lists every descendant with includeChildGroups, and `/` down to the context first with includeParentGroups', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'a');
    await createChild(adminToken, `${tenant}/a`, 'b');
    await createChild(adminToken, `${tenant}/a/b`, 'c');

    const descendants = await api('GET', '/groups?includeChildGroups=true', { token: adminToken, groupContext: `${tenant}/a` });
    const both = await api('GET', '/groups?includeChildGroups=true&includeParentGroups=true', {
      token: adminToken,
      groupContext: `${tenant}/a`,
    });

    expect(descendants.body.groups.map((group: { id: string }) => group.id)).toEqual([`${tenant}/a/b`, `${tenant}/a/b/c`]);
    expect(both.body.groups.map((group: { id: string }) => group.id)).toEqual([
      '/',
      tenant,
      `${tenant}/a`,
      `${tenant}/a/b`,
      `${tenant}/a/b/c`,
    ]);
  });

  it('filters by every tags=key:value given', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'uk', { tags: { region: 'emea/uk', tier: 'gold' } });
    await createChild(adminToken, tenant, 'de', { tags: { region: 'emea/de', tier: 'gold' } });
    await createChild(adminToken, tenant, 'uk2', { tags: { region: 'emea/uk', tier: 'silver' } });

    const response = await api('GET', '/groups?includeChildGroups=true&tags=region:emea/uk&tags=tier:gold', {
      token: adminToken,
      groupContext: tenant,
    });

    expect(response.body.groups.map((group: { id: string }) => group.id)).toEqual([`${tenant}/uk`]);
  });

  it('pages through 250 groups in pages of 3, 20 and 100, returning each exactly once', async () => {
    // Prepare: 250 groups in a subtree, 10 departments of 24 teams plus the departments.
    const tenant = await createTenant();
    for (let d = 0; d < 10; d++) {
      expect((await createChild(adminToken, tenant, `dept-${d}`)).status).toBe(201);
      await Promise.all(Array.from({ length: 24 }, (_, t) => createChild(adminToken, `${tenant}/dept-${d}`, `team-${t}`)));
    }
    const expected = (await collectPages(adminToken, tenant, 'includeChildGroups=true', 100)).ids;
    expect(expected).toHaveLength(250);

    for (const count of [3, 20, 100]) {
      // Act
      const { ids, pageSizes } = await collectPages(adminToken, tenant, 'includeChildGroups=true', count);

      // Assess
      expect(new Set(ids).size).toBe(250);
      expect(ids).toEqual(expected);
      expect(pageSizes.slice(0, -1).every((size) => size === count)).toBe(true);
      expect(pageSizes).toHaveLength(Math.ceil(250 / count));
    }
  });

  it('pages through parents then descendants without a token after an exactly full last page', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'a');
    await createChild(adminToken, `${tenant}/a`, 'b');

    // `/`, tenant, tenant/a, tenant/a/b: two full pages of 2.
    const { ids, pageSizes } = await collectPages(adminToken, tenant, 'includeChildGroups=true&includeParentGroups=true', 2);

    expect(ids).toEqual(['/', tenant, `${tenant}/a`, `${tenant}/a/b`]);
    expect(pageSizes).toEqual([2, 2]);
  });

  it('continues a descendants token in a listing that adds the parents, and refuses it where descendants are not listed', async () => {
    // Prepare: tenant/a, tenant/b, tenant/c; a first page of 2 descendants.
    const tenant = await createTenant();
    for (const name of ['a', 'b', 'c']) expect((await createChild(adminToken, tenant, name)).status).toBe(201);
    const first = await api('GET', '/groups?includeChildGroups=true&count=2', { token: adminToken, groupContext: tenant });
    const fromToken = encodeURIComponent(first.body.pagination.lastEvaluatedToken);

    // Act
    const withParents = await api(
      'GET',
      `/groups?includeChildGroups=true&includeParentGroups=true&count=2&fromToken=${fromToken}`,
      {
        token: adminToken,
        groupContext: tenant,
      },
    );
    const childrenOnly = await api('GET', `/groups?count=2&fromToken=${fromToken}`, { token: adminToken, groupContext: tenant });
    const otherContext = await api('GET', `/groups?includeChildGroups=true&count=2&fromToken=${fromToken}`, {
      token: adminToken,
      groupContext: `${tenant}/a`,
    });

    // Assess
    expect(first.body.groups.map((group: { id: string }) => group.id)).toEqual([`${tenant}/a`, `${tenant}/b`]);
    expect(withParents.status).toBe(200);
    expect(withParents.body.groups.map((group: { id: string }) => group.id)).toEqual([`${tenant}/c`]);
    expect(withParents.body.pagination).toBeUndefined();
    expect(childrenOnly.status).toBe(400);
    expect(otherContext.status).toBe(400);
  });

  it('refuses a token from the path to the context in a listing without parents', async () => {
    const tenant = await createTenant();
    const first = await api('GET', '/groups?includeParentGroups=true&count=1', { token: adminToken, groupContext: tenant });

    const response = await api('GET', `/groups?fromToken=${encodeURIComponent(first.body.pagination.lastEvaluatedToken)}`, {
      token: adminToken,
      groupContext: tenant,
    });

    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/does not cover/);
  });

  it('refuses a context the caller has no role in with 403', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const adminOfA = await tokenFor({ [tenantA]: 'admin' });

    const response = await api('GET', '/groups?includeChildGroups=true', { token: adminOfA, groupContext: tenantB });

    expect(response.status).toBe(403);
  });

  it('answers a forged fromToken with 400, not 500', async () => {
    const response = await api('GET', '/groups?fromToken=not-a-token', { token: adminToken });

    expect(response.status).toBe(400);
  });

  it('answers count outside 1..100 with 400', async () => {
    expect((await api('GET', '/groups?count=0', { token: adminToken })).status).toBe(400);
    expect((await api('GET', '/groups?count=101', { token: adminToken })).status).toBe(400);
  });
});

describe('PATCH /groups/{groupId}', () => {
  it('changes the description, persists updatedBy and updatedAt, and returns the group', async () => {
    const tenant = await createTenant();

    const response = await api('PATCH', groupPath(tenant), { token: adminToken, body: { description: 'changed' } });
    const read = await api('GET', groupPath(tenant), { token: adminToken });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: tenant, description: 'changed', updatedBy: adminCredentials().email });
    expect(read.body.updatedAt).toBe(response.body.updatedAt);
  });

  it('removes a tag given a null or empty value and deep-merges configuration, null removing a key', async () => {
    const tenant = await createTenant({ tags: { a: '1', b: '2', c: '3' }, configuration: { x: { y: 1, z: 2 }, keep: true } });

    const response = await api('PATCH', groupPath(tenant), {
      token: adminToken,
      body: { tags: { a: null, b: '', d: '4' }, configuration: { x: { z: null, w: 3 } } },
    });

    expect(response.body.tags).toEqual({ c: '3', d: '4' });
    expect(response.body.configuration).toEqual({ x: { y: 1, w: 3 }, keep: true });
  });

  it('records no event and keeps updatedAt when a PATCH changes nothing', async () => {
    // Prepare: one real change, so the group has an updatedAt and one group.updated event
    const tenant = await createTenant({ tags: { a: '1' }, configuration: { x: 1 } });
    const before = await api('PATCH', groupPath(tenant), { token: adminToken, body: { description: 'same' } });

    // Act: the same values again, and the removal of a tag it does not have
    const response = await api('PATCH', groupPath(tenant), {
      token: adminToken,
      body: { description: 'same', state: 'active', tags: { a: '1', absent: null }, configuration: { x: 1 } },
    });
    const events = await api('GET', '/audit?type=group.updated', { token: adminToken, groupContext: tenant });

    // Assess
    expect([before.status, response.status]).toEqual([200, 200]);
    expect(response.body).toMatchObject({ description: 'same', tags: { a: '1' }, updatedAt: before.body.updatedAt });
    expect(events.status).toBe(200);
    expect(events.body.events).toHaveLength(1);
  });

  it('refuses an empty body with 400', async () => {
    const tenant = await createTenant();

    expect((await api('PATCH', groupPath(tenant), { token: adminToken, body: {} })).status).toBe(400);
  });

  it('refuses a rename with 400 but accepts the current name (as SIF clients send it)', async () => {
    const tenant = await createTenant();
    const name = tenant.slice(1);

    expect((await api('PATCH', groupPath(tenant), { token: adminToken, body: { name: 'other' } })).status).toBe(400);
    expect((await api('PATCH', groupPath(tenant), { token: adminToken, body: { name, description: 'ok' } })).status).toBe(200);
  });

  it('answers 403 to a reader who can see the group and 404 to another tenant', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant()];
    const readerOfA = await tokenFor({ [tenantA]: 'reader' });

    expect((await api('PATCH', groupPath(tenantA), { token: readerOfA, body: { description: 'x' } })).status).toBe(403);
    expect((await api('PATCH', groupPath(tenantB), { token: readerOfA, body: { description: 'x' } })).status).toBe(404);
  });

  it('never disables the root group', async () => {
    const response = await api('PATCH', groupPath('/'), { token: adminToken, body: { state: 'disabled' } });

    expect(response.status).toBe(409);
  });

  it('keeps every one of ten concurrent tag changes (no lost update)', async () => {
    const tenant = await createTenant();

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api('PATCH', groupPath(tenant), { token: adminToken, body: { tags: { [`k${i}`]: 'v' } } }),
      ),
    );
    const read = await api('GET', groupPath(tenant), { token: adminToken });

    // Each change either landed or was refused with 409 after retries; none is silently lost.
    const landed = responses.flatMap((response, i) => (response.status === 200 ? [`k${i}`] : []));
    expect(responses.every((response) => response.status === 200 || response.status === 409)).toBe(true);
    expect(Object.keys(read.body.tags ?? {}).sort()).toEqual(landed.sort());
  });

  it('lets members of a disabled group keep reading it', async () => {
    const tenant = await createTenant();
    const reader = await tokenFor({ [tenant]: 'reader' });
    await api('PATCH', groupPath(tenant), { token: adminToken, body: { state: 'disabled' } });

    const response = await api('GET', groupPath(tenant), { token: reader });

    expect(response.status).toBe(200);
    expect(response.body.state).toBe('disabled');
  });
});

describe('DELETE /groups/{groupId}', () => {
  it('refuses an active group with 409', async () => {
    const tenant = await createTenant();

    expect((await api('DELETE', groupPath(tenant), { token: adminToken })).status).toBe(409);
  });

  it('refuses a disabled group that still has sub-groups with 409', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'child');
    await api('PATCH', groupPath(tenant), { token: adminToken, body: { state: 'disabled' } });

    const response = await api('DELETE', groupPath(tenant), { token: adminToken });

    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/sub-groups/);
  });

  it('refuses a disabled group that still has members with 409', async () => {
    const tenant = await createTenant();
    await createTestUser({ memberships: { [tenant]: 'reader' } });
    await api('PATCH', groupPath(tenant), { token: adminToken, body: { state: 'disabled' } });

    const response = await api('DELETE', groupPath(tenant), { token: adminToken });

    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/members/);
  });

  it('deletes a disabled, empty group with 204, after which it is not found and its tag values are gone', async () => {
    const tenant = await createTenant();
    await createChild(adminToken, tenant, 'temp', { tags: { project: 'apollo' } });
    await api('PATCH', groupPath(`${tenant}/temp`), { token: adminToken, body: { state: 'disabled' } });

    const response = await api('DELETE', groupPath(`${tenant}/temp`), { token: adminToken });

    expect(response.status).toBe(204);
    expect((await api('GET', groupPath(`${tenant}/temp`), { token: adminToken })).status).toBe(404);
    expect((await api('GET', '/tags/project', { token: adminToken, groupContext: tenant })).body.values).toEqual({});
  });

  it('never deletes the root group', async () => {
    expect((await api('DELETE', groupPath('/'), { token: adminToken })).status).toBe(409);
  });
});

describe('GET /tags/{key}', () => {
  it('lists the values in use within the context subtree, one hierarchy level at a time', async () => {
    const tenant = await createTenant({ tags: { region: 'emea' } });
    await createChild(adminToken, tenant, 'uk', { tags: { region: 'emea/uk' } });
    await createChild(adminToken, tenant, 'de', { tags: { region: 'emea/de' } });

    const top = await api('GET', '/tags/region?resourceType=group', { token: adminToken, groupContext: tenant });
    const emea = await api('GET', `/tags/region?resourceType=group&parentValue=${encodeURIComponent('emea')}`, {
      token: adminToken,
      groupContext: tenant,
    });

    expect(top.body.values).toEqual({ emea: 'emea' });
    expect(emea.body.values).toEqual({ 'emea/de': 'de', 'emea/uk': 'uk' });
  });

  it('does not show values used only in another tenant', async () => {
    const [tenantA, tenantB] = [await createTenant(), await createTenant({ tags: { secret: 'b-only' } })];
    const adminOfA = await tokenFor({ [tenantA]: 'admin' });

    const own = await api('GET', '/tags/secret', { token: adminOfA, groupContext: tenantA });
    const foreign = await api('GET', '/tags/secret', { token: adminOfA, groupContext: tenantB });

    expect(own.body.values).toEqual({});
    expect(foreign.status).toBe(403);
  });

  it('follows tag changes: a removed value is no longer listed', async () => {
    const tenant = await createTenant({ tags: { stage: 'beta' } });

    await api('PATCH', groupPath(tenant), { token: adminToken, body: { tags: { stage: 'live' } } });
    const response = await api('GET', '/tags/stage', { token: adminToken, groupContext: tenant });

    expect(response.body.values).toEqual({ live: 'live' });
  });
});
