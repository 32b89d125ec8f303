/**
 * `GET /users` reads the listed users' membership summaries instead of their partitions: after
 * every kind of membership or invitation write the summary equals the user's membership items, and
 * the listing answers exactly what `GET /users/{email}` (which reads the partition) answers, across
 * pages. Profiles written before summaries existed still list correctly until they are backfilled.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT_GROUP_ID } from '../../shared/domain/groupPath.ts';
import { membershipSummaryKey } from '../../shared/store/entities/users.ts';
import { summarizedMemberships } from '../../shared/store/membershipSummary.ts';
import { backfillMembershipSummary } from '../../shared/store/membershipSummaryBackfill.ts';
import { loadUserWithMemberships } from '../../shared/store/userStore.ts';
import { adminCredentials, api, login } from './support/api.ts';
import { createTestUser, testTable, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';
import { waitForCode } from './support/outbox.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

type Listed = { email: string } & Record<string, unknown>;

async function createGroup(token: string, contextId: string, name = uniqueGroupName('g')): Promise<string> {
  const response = await api('POST', '/groups', { token, groupContext: contextId, body: { name } });
  expect(response.status).toBe(201);
  return response.body.id;
}

const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;

/** Every page of a listing, two users a page so that users cross page boundaries. */
async function listAll(token: string, contextId: string, query = ''): Promise<Listed[]> {
  const users: Listed[] = [];
  let fromToken: string | undefined;
  do {
    const path = `/users?count=2${query}${fromToken ? `&fromToken=${encodeURIComponent(fromToken)}` : ''}`;
    const response = await api('GET', path, { token, groupContext: contextId });
    expect(response.status).toBe(200);
    users.push(...(response.body.users as Listed[]));
    fromToken = response.body.pagination?.lastEvaluatedToken;
  } while (fromToken);
  return users;
}

/** Each listed user exactly as `GET /users/{email}` shows them in the same context, and each once. */
async function expectListingAsReads(token: string, contextId: string, query = ''): Promise<Listed[]> {
  const listed = await listAll(token, contextId, query);
  expect(new Set(listed.map((user) => user.email)).size).toBe(listed.length);
  for (const user of listed) {
    const read = await api('GET', userPath(user.email), { token, groupContext: contextId });
    expect(read.status).toBe(200);
    expect(user).toEqual(read.body);
  }
  return listed;
}

/** The summary beside the profile is complete and holds exactly the user's membership and invitation items. */
async function expectSummaryOfPartition(email: string): Promise<void> {
  const table = testTable();
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: membershipSummaryKey(email), ConsistentRead: true }),
  );
  const loaded = await loadUserWithMemberships(table, email);
  const summary = summarizedMemberships(email, Item);
  expect(summary).toBeDefined();
  expect(summary!.memberships).toEqual(loaded!.memberships);
  expect(summary!.pending).toEqual(loaded!.pending);
  expect(summary!.roleSources).toEqual(loaded!.roleSources);
  for (const [groupId, invitation] of Object.entries(loaded!.invitations ?? {}))
    expect(summary!.invitations![groupId]).toEqual(invitation);
}

const find = (listed: Listed[], email: string) => listed.find((user) => user.email === email);

describe('GET /users after each membership write', () => {
  it('lists an invited new email with its role', async () => {
    // Prepare
    const tenant = await createGroup(rootToken, ROOT_GROUP_ID);
    const email = uniqueEmail('new');

    // Act
    expect(
      (await api('POST', '/users', { token: rootToken, groupContext: tenant, body: { email, role: 'reader' } })).status,
    ).toBe(201);

    // Assess
    await expectSummaryOfPartition(email);
    const listed = await expectListingAsReads(rootToken, tenant);
    expect(find(listed, email)).toMatchObject({ state: 'invited', groups: { [tenant]: 'reader' } });
  });

  it('lists a user granted a second group once, with both roles, and a replaced role as replaced', async () => {
    // Prepare
    const tenant = await createGroup(rootToken, ROOT_GROUP_ID);
    const finance = await createGroup(rootToken, tenant, 'finance');
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });

    // Act
    await api('POST', '/users', { token: rootToken, groupContext: finance, body: { email: user.email, role: 'contributor' } });
    await api('POST', '/users', { token: rootToken, groupContext: tenant, body: { email: user.email, role: 'admin' } });

    // Assess
    await expectSummaryOfPartition(user.email);
    const listed = await expectListingAsReads(rootToken, tenant, '&includeChildGroups=true');
    expect(listed.filter((listedUser) => listedUser.email === user.email)).toHaveLength(1);
    expect(find(listed, user.email)?.groups).toEqual({ [tenant]: 'admin', [finance]: 'contributor' });
  });

  it('lists an invitation to someone of another tenant as the inviting tenant sees it, before and after its change and acceptance', async () => {
    // Prepare: ann belongs to tenant A; the admin of tenant B invites her, then tags the invitation.
    const tenantA = await createGroup(rootToken, ROOT_GROUP_ID);
    const tenantB = await createGroup(rootToken, ROOT_GROUP_ID);
    const ann = await createTestUser({ memberships: { [tenantA]: 'reader' } });
    const adminOfB = await createTestUser({ memberships: { [tenantB]: 'admin' } });
    const adminToken = (await login(adminOfB.email, adminOfB.password)).accessToken;

    // Act: invite, change the invitation
    const invited = await api('POST', '/users', {
      token: adminToken,
      groupContext: tenantB,
      body: { email: ann.email, role: 'contributor', tags: { team: 'blue' } },
    });
    const patched = await api('PATCH', userPath(ann.email), {
      token: adminToken,
      groupContext: tenantB,
      body: { tags: { team: 'green' } },
    });

    // Assess: B sees only its invitation, A sees her as before
    expect(invited.status).toBe(201);
    expect(patched.status).toBe(204);
    await expectSummaryOfPartition(ann.email);
    const seenByB = await expectListingAsReads(adminToken, tenantB);
    expect(find(seenByB, ann.email)).toMatchObject({
      state: 'invited',
      groups: { [tenantB]: 'contributor' },
      tags: { team: 'green' },
    });
    expect(find(await expectListingAsReads(rootToken, tenantA), ann.email)?.groups).toMatchObject({ [tenantA]: 'reader' });
    expect(await listAll(adminToken, tenantB, '&tags=team:green')).toEqual([find(seenByB, ann.email)]);

    // Act: ann accepts
    const annToken = (await login(ann.email, ann.password)).accessToken;
    const accepted = await api('POST', `/users/me/invitations/${encodeURIComponent(tenantB)}/accept`, { token: annToken });

    // Assess: now a member of B
    expect(accepted.status).toBe(200);
    await expectSummaryOfPartition(ann.email);
    expect(find(await expectListingAsReads(adminToken, tenantB), ann.email)?.groups).toEqual({ [tenantB]: 'contributor' });
  });

  it('drops a revoked membership from the listing, and the user with their last one', async () => {
    // Prepare
    const tenant = await createGroup(rootToken, ROOT_GROUP_ID);
    const finance = await createGroup(rootToken, tenant, 'finance');
    const user = await createTestUser({ memberships: { [tenant]: 'reader', [finance]: 'reader' } });

    // Act: revoke the tenant membership
    expect((await api('DELETE', userPath(user.email), { token: rootToken, groupContext: tenant })).status).toBe(204);

    // Assess
    await expectSummaryOfPartition(user.email);
    expect(find(await listAll(rootToken, tenant), user.email)).toBeUndefined();
    expect(find(await expectListingAsReads(rootToken, tenant, '&includeChildGroups=true'), user.email)?.groups).toEqual({
      [finance]: 'reader',
    });

    // Act: revoke the last one
    expect((await api('DELETE', userPath(user.email), { token: rootToken, groupContext: finance })).status).toBe(204);

    // Assess: nothing left of them, the summary included
    expect(find(await listAll(rootToken, tenant, '&includeChildGroups=true'), user.email)).toBeUndefined();
    const table = testTable();
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: membershipSummaryKey(user.email), ConsistentRead: true }),
    );
    expect(Item).toBeUndefined();
  });

  it('lists the owner of a tenant the bank created', async () => {
    // Prepare
    const ownerEmail = uniqueEmail('owner');

    // Act
    const created = await api('POST', '/tenants', {
      token: rootToken,
      body: { name: uniqueGroupName('biz'), plan: 'team', ownerEmail },
    });

    // Assess
    expect(created.status).toBe(201);
    await expectSummaryOfPartition(ownerEmail);
    const listed = await expectListingAsReads(rootToken, created.body.id);
    expect(listed.map((user) => user.email)).toEqual([ownerEmail]);
    expect(listed[0]?.groups).toEqual({ [created.body.id]: 'admin' });
  });

  it('lists the owner of a confirmed sign-up (post-confirmation trigger) in their new tenant', async () => {
    // Prepare
    const email = uniqueEmail('signup');
    const suffix = uniqueGroupName('s').slice(2);
    const password = 'Owner-Passw0rd-123!';
    expect((await api('POST', '/signup', { body: { businessName: `Listing ${suffix}`, email, password } })).status).toBe(202);

    // Act
    expect((await api('POST', '/signup/confirm', { body: { email, code: await waitForCode(email) } })).status).toBe(204);

    // Assess
    const tenant = `/listing-${suffix}`;
    await expectSummaryOfPartition(email);
    const listed = await expectListingAsReads(rootToken, tenant);
    expect(listed.map((user) => user.email)).toEqual([email]);
    expect(listed[0]).toMatchObject({ state: 'active', groups: { [tenant]: 'admin' } });
  });

  it('keeps an invitation that waited for a sign-up beside the owner’s new tenant once the sign-up is confirmed', async () => {
    // Prepare: a sign-up awaiting its code, and an invitation to that email meanwhile
    const email = uniqueEmail('awaited');
    const suffix = uniqueGroupName('s').slice(2);
    const inviting = await createGroup(rootToken, ROOT_GROUP_ID);
    expect(
      (await api('POST', '/signup', { body: { businessName: `Awaited ${suffix}`, email, password: 'Owner-Passw0rd-123!' } }))
        .status,
    ).toBe(202);
    const code = await waitForCode(email);
    expect(
      (await api('POST', '/users', { token: rootToken, groupContext: inviting, body: { email, role: 'reader' } })).status,
    ).toBe(201);
    await expectSummaryOfPartition(email);

    // Act
    expect((await api('POST', '/signup/confirm', { body: { email, code } })).status).toBe(204);

    // Assess: the owner's tenant lists them as admin; the inviting tenant still sees its invitation
    await expectSummaryOfPartition(email);
    expect(find(await expectListingAsReads(rootToken, `/awaited-${suffix}`), email)?.groups).toMatchObject({
      [`/awaited-${suffix}`]: 'admin',
    });
    expect(find(await expectListingAsReads(rootToken, inviting), email)?.groups).toMatchObject({ [inviting]: 'reader' });
  });

  it('lists the seeded admin of / (the root-admin bootstrap) with its summary', async () => {
    // Act
    const listed = await expectListingAsReads(rootToken, ROOT_GROUP_ID);

    // Assess
    await expectSummaryOfPartition(adminCredentials().email);
    expect(find(listed, adminCredentials().email)?.groups).toMatchObject({ [ROOT_GROUP_ID]: 'admin' });
  });
});

describe('GET /users with concurrent grants', () => {
  it('lists a user granted ten groups at the same moment once, with every grant that committed', async () => {
    // Prepare
    const tenant = await createGroup(rootToken, ROOT_GROUP_ID);
    const groups = await Promise.all(Array.from({ length: 10 }, (_, i) => createGroup(rootToken, tenant, `team-${i}`)));
    const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const grant = (groupId: string) =>
      api('POST', '/users', { token: rootToken, groupContext: groupId, body: { email: user.email, role: 'contributor' } });

    // Act: all at once (a grant that loses its optimistic retries answers 409 and commits nothing)
    const statuses = (await Promise.all(groups.map(grant))).map((response) => response.status);
    const committed = groups.filter((_, i) => statuses[i] === 201);

    // Assess
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    await expectSummaryOfPartition(user.email);
    const listed = await expectListingAsReads(rootToken, tenant, '&includeChildGroups=true');
    expect(listed.map((listedUser) => listedUser.email)).toEqual([user.email]);
    expect(listed[0]?.groups).toEqual({ [tenant]: 'reader', ...Object.fromEntries(committed.map((g) => [g, 'contributor'])) });

    // Act: the refused ones again, at once
    const retried = await Promise.all(groups.filter((_, i) => statuses[i] !== 201).map(grant));

    // Assess: still listed once, with what committed
    await expectSummaryOfPartition(user.email);
    const again = await expectListingAsReads(rootToken, tenant, '&includeChildGroups=true');
    expect(again.map((listedUser) => listedUser.email)).toEqual([user.email]);
    expect(Object.keys(again[0]?.groups as object)).toHaveLength(
      1 + committed.length + retried.filter((r) => r.status === 201).length,
    );
  });
});

describe('GET /users over profiles written before summaries', () => {
  it('lists them as it lists summarised ones, across pages, with the parents and a tag filter, before and after the backfill', async () => {
    // Prepare: a tenant admin, and members of a department, half of them without a summary
    const tenant = await createGroup(rootToken, ROOT_GROUP_ID);
    const finance = await createGroup(rootToken, tenant, 'finance');
    const top = await createTestUser({ memberships: { [tenant]: 'admin' }, withoutSummary: true });
    const members = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createTestUser({ memberships: { [finance]: 'reader' }, withoutSummary: i % 2 === 0 })),
    );
    const tagged = members[0]!.email;
    await api('PATCH', userPath(tagged), { token: rootToken, groupContext: finance, body: { tags: { desk: 'fx' } } });
    const listings = async () => ({
      subtree: await expectListingAsReads(rootToken, tenant, '&includeChildGroups=true'),
      withParents: await expectListingAsReads(rootToken, finance, '&includeParentGroups=true'),
      filtered: await listAll(rootToken, tenant, '&includeChildGroups=true&tags=desk:fx'),
    });

    // Act
    const before = await listings();
    await Promise.all([top, ...members].map((user) => backfillMembershipSummary(testTable(), user.email)));
    const after = await listings();

    // Assess
    expect(before.subtree.map((user) => user.email).sort()).toEqual([top, ...members].map((user) => user.email).sort());
    expect(before.withParents.findIndex((user) => user.email === top.email)).toBeLessThan(
      before.withParents.findIndex((user) => user.email === members[1]!.email),
    );
    expect(before.filtered.map((user) => user.email)).toEqual([tagged]);
    expect(after).toEqual(before);
    for (const user of [top, ...members]) await expectSummaryOfPartition(user.email);
  });
});
