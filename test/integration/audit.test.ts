/**
 * The audit trail against the local stack: what each mutation records (with where the request
 * came from), who may read it (`iam:audit:read`, a business only its own events), filters and
 * pages through the tenant + time index, and the export in both formats.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles.ts';
import { buildAuditEvent, type AuditEvent } from '../../shared/events/auditEvent.ts';
import { auditItem } from '../../shared/store/audit.ts';
import { adminCredentials, api, login } from './support/api.ts';
import { addTestMemberships, createTestUser, testTable, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function createGroup(parentId: string, name = uniqueGroupName('audit')): Promise<string> {
  const response = await api('POST', '/groups', { token: rootToken, groupContext: parentId, body: { name } });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function memberOf(memberships: Record<string, Role | string>): Promise<{ email: string; token: string }> {
  const user = await createTestUser({});
  await addTestMemberships(user.email, memberships as Record<string, Role>);
  return { email: user.email, token: (await login(user.email, user.password)).accessToken };
}

const auditPage = (token: string, groupContext: string, query = '') => api('GET', `/audit${query}`, { token, groupContext });

async function allEvents(token: string, groupContext: string, query: string, count: number): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let token_: string | undefined;
  do {
    const separator = query ? '&' : '?';
    const from = token_ ? `&fromToken=${encodeURIComponent(token_)}` : '';
    const response = await auditPage(token, groupContext, `${query}${separator}count=${count}${from}`);
    expect(response.status).toBe(200);
    expect(response.body.events.length).toBeLessThanOrEqual(count);
    events.push(...response.body.events);
    token_ = response.body.pagination?.lastEvaluatedToken;
  } while (token_);
  return events;
}

/** Audit events written straight to the table, exactly as the writer stores them, for volume tests. */
async function seedEvents(tenant: string, total: number, startMs: number): Promise<AuditEvent[]> {
  const types = ['group.updated', 'user.disabled', 'membership.granted'];
  const events = Array.from({ length: total }, (_, i) =>
    buildAuditEvent({
      actor: i % 2 === 0 ? 'even@example.com' : 'odd@example.com',
      action: types[i % 3]!,
      targetType: i % 3 === 0 ? 'group' : 'user',
      targetId: i % 3 === 0 ? `${tenant}/unit-${i % 5}` : `person-${i % 7}@example.com`,
      groupId: `${tenant}/unit-${i % 5}`,
      after: { n: i },
      at: new Date(startMs + i * 1000).toISOString(),
      requestId: `seed-${i}`,
    }),
  );
  const { doc, tableName } = testTable();
  for (let start = 0; start < events.length; start += 25) {
    let batch: unknown[] = events.slice(start, start + 25).map((event) => ({ PutRequest: { Item: auditItem(event) } }));
    while (batch.length > 0) {
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch as never } }));
      batch = result.UnprocessedItems?.[tableName] ?? [];
    }
  }
  return events;
}

const newestFirst = (events: AuditEvent[]) => [...events].sort((a, b) => (a.id < b.id ? 1 : -1)).map((event) => event.id);

describe('GET /audit', () => {
  it("shows a business its own events with who, where from and what changed, and none of another's or of the bank's staff", async () => {
    // Prepare
    const [tenant, other] = [await createGroup('/'), await createGroup('/')];
    const admin = await memberOf({ [tenant]: 'admin' });
    const email = uniqueEmail('audited');
    const headers = { 'User-Agent': 'audit-test/1.0' };

    // Act
    const invited = await api('POST', '/users', {
      token: admin.token,
      groupContext: tenant,
      headers,
      body: { email, role: 'reader' },
    });
    const disabled = await api('PATCH', `/users/${encodeURIComponent(email)}`, {
      token: admin.token,
      groupContext: tenant,
      headers,
      body: { state: 'disabled' },
    });
    await createGroup(other);
    await createGroup('/');
    const page = await auditPage(admin.token, tenant);

    // Assess
    expect([invited.status, disabled.status]).toEqual([201, 204]);
    expect(page.status).toBe(200);
    const events: AuditEvent[] = page.body.events;
    expect(events.map((event) => event.type)).toEqual(['user.disabled', 'invitation.created', 'group.created']);
    expect(events.every((event) => event.tenantId === tenant && event.groupId.startsWith(tenant))).toBe(true);
    expect(events[0]).toMatchObject({
      actor: admin.email,
      target: { type: 'user', id: email },
      changes: { state: { before: 'invited', after: 'disabled' } },
      sourceIp: expect.stringMatching(/^127\./),
      userAgent: 'audit-test/1.0',
      requestId: expect.any(String),
    });
  });

  it("names the bank's staff to a business only as the neutral value, in answers, filters and exports alike", async () => {
    // Prepare: the bank's admin of / creates a group inside the business.
    const tenant = await createGroup('/');
    const admin = await memberOf({ [tenant]: 'admin' });
    const bankAdmin = encodeURIComponent(adminCredentials().email);

    // Act
    const page = await auditPage(admin.token, tenant);
    const filtered = await auditPage(admin.token, tenant, `?actor=${bankAdmin}`);
    const exported = await api('GET', '/audit/export', {
      token: admin.token,
      groupContext: tenant,
      headers: { Accept: 'application/x-ndjson' },
    });
    const asBank = await auditPage(rootToken, tenant);

    // Assess
    expect(page.body.events.map((event: AuditEvent) => [event.type, event.actor])).toEqual([['group.created', 'bank']]);
    expect(filtered.body.events).toEqual([]);
    expect(exported.status).toBe(200);
    expect((exported.body as string).includes(adminCredentials().email)).toBe(false);
    expect(asBank.body.events[0].actor).toBe(adminCredentials().email);
  });

  it("shows a business its people's failed logins, with where they came from", async () => {
    // Prepare
    const tenant = await createGroup('/');
    const admin = await memberOf({ [tenant]: 'admin' });
    const member = { email: uniqueEmail('guessed') };
    const invited = await api('POST', '/users', {
      token: admin.token,
      groupContext: tenant,
      body: { ...member, role: 'reader' },
    });

    // Act
    const failures = [];
    for (let i = 0; i < 2; i++)
      failures.push(
        await api('POST', '/auth/login', {
          body: { email: member.email, password: 'Wrong-password-1' },
          headers: { 'User-Agent': 'guesser/1.0' },
        }),
      );
    const page = await auditPage(admin.token, tenant, '?type=login.failed');

    // Assess
    expect(invited.status).toBe(201);
    expect(failures.map((failure) => failure.status)).toEqual([401, 401]);
    expect(page.body.events).toHaveLength(2);
    expect(page.body.events[0]).toMatchObject({
      type: 'login.failed',
      actor: 'system',
      target: { type: 'user', id: member.email },
      groupId: tenant,
      sourceIp: expect.stringMatching(/^127\./),
      userAgent: 'guesser/1.0',
    });
  });

  it('records a disable and a password change once each, the sessions they end included, with no second event', async () => {
    // Prepare
    const tenant = await createGroup('/');
    const admin = await memberOf({ [tenant]: 'admin' });
    const leaving = await memberOf({ [tenant]: 'reader' });
    const moving = await createTestUser({ memberships: { [tenant]: 'reader' } });
    await login(moving.email, moving.password);
    const current = await login(moving.email, moving.password);

    // Act
    const disabled = await api('PATCH', `/users/${encodeURIComponent(leaving.email)}`, {
      token: admin.token,
      groupContext: tenant,
      body: { state: 'disabled' },
    });
    const changed = await api('PATCH', `/users/${encodeURIComponent(moving.email)}`, {
      token: current.accessToken,
      groupContext: tenant,
      body: { password: 'Another-Passw0rd-2026!' },
    });
    const events = await allEvents(rootToken, tenant, '?type=user.disabled&type=user.password_changed&type=session.ended', 50);

    // Assess
    expect([disabled.status, changed.status]).toEqual([204, 204]);
    expect(events.map((event) => [event.type, event.target.id])).toEqual([
      ['user.password_changed', moving.email],
      ['user.disabled', leaving.email],
    ]);
  });

  it('records nothing for a PATCH that changes nothing: a user, a role, a plan', async () => {
    // Prepare
    const onboarded = await api('POST', '/tenants', {
      token: rootToken,
      body: { name: uniqueGroupName('same'), plan: 'team', ownerEmail: uniqueEmail('owner') },
    });
    const tenant: string = onboarded.body.id;
    const member = await memberOf({ [tenant]: 'reader' });
    const memberPath = `/users/${encodeURIComponent(member.email)}`;
    const tagged = await api('PATCH', memberPath, { token: rootToken, groupContext: tenant, body: { tags: { team: 'ops' } } });
    const defined = await api('POST', '/roles', {
      token: rootToken,
      groupContext: tenant,
      body: { name: 'payer', description: 'Pays', actions: ['payments:approve'] },
    });
    const before = await allEvents(rootToken, tenant, '', 100);

    // Act
    const user = await api('PATCH', memberPath, {
      token: rootToken,
      groupContext: tenant,
      body: { state: 'active', tags: { team: 'ops', absent: null } },
    });
    const role = await api('PATCH', '/roles/payer', {
      token: rootToken,
      groupContext: tenant,
      body: { description: 'Pays', actions: ['payments:approve'] },
    });
    const plan = await api('PATCH', `/tenants/${encodeURIComponent(tenant)}`, { token: rootToken, body: { plan: 'team' } });
    const after = await allEvents(rootToken, tenant, '', 100);

    // Assess
    expect([onboarded.status, tagged.status, defined.status]).toEqual([201, 204, 201]);
    expect([user.status, role.status, plan.status]).toEqual([204, 200, 200]);
    expect(after.map((event) => event.id)).toEqual(before.map((event) => event.id));
  });

  it('records nothing for a refused mutation', async () => {
    // Prepare
    const tenant = await createGroup('/');
    const contributor = await memberOf({ [tenant]: 'contributor' });
    const before = (await auditPage(rootToken, tenant)).body.events.length;

    // Act
    const refused = await api('POST', '/groups', { token: contributor.token, groupContext: tenant, body: { name: 'nope' } });
    const conflict = await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: tenant.slice(1) } });

    // Assess
    expect([refused.status, conflict.status]).toEqual([403, 409]);
    expect((await auditPage(rootToken, tenant)).body.events).toHaveLength(before);
  });

  it('is for admins and custom roles that name iam:audit:read, not for readers or contributors', async () => {
    // Prepare
    const tenant = await createGroup('/');
    const defined = await api('POST', '/roles', {
      token: rootToken,
      groupContext: tenant,
      body: { name: 'auditor', actions: ['iam:audit:read'] },
    });
    const [reader, contributor, auditor] = [
      await memberOf({ [tenant]: 'reader' }),
      await memberOf({ [tenant]: 'contributor' }),
      await memberOf({ [tenant]: 'auditor' }),
    ];

    // Act
    const statuses = [
      (await auditPage(reader.token, tenant)).status,
      (await auditPage(contributor.token, tenant)).status,
      (await auditPage(auditor.token, tenant)).status,
      (await auditPage(auditor.token, '/')).status,
    ];

    // Assess
    expect(defined.status).toBe(201);
    expect(statuses).toEqual([403, 403, 200, 403]);
  });

  it("shows an admin of a department only that department's subtree", async () => {
    // Prepare
    const tenant = await createGroup('/');
    const [finance, sales] = [await createGroup(tenant, 'finance'), await createGroup(tenant, 'sales')];
    const payables = await createGroup(finance, 'payables');
    const financeAdmin = await memberOf({ [finance]: 'admin' });

    // Act
    const page = await auditPage(financeAdmin.token, finance);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body.events.map((event: AuditEvent) => event.target.id)).toEqual([payables, finance]);
    expect(page.body.events.some((event: AuditEvent) => event.target.id === sales)).toBe(false);
  });

  it('pages through 500 events newest first, each exactly once, and filters by type, actor, target and time', async () => {
    // Prepare
    const tenant = await createGroup('/');
    await seedEvents(`/${uniqueGroupName('noise')}`, 100, Date.parse('2026-06-01T00:00:00Z'));
    const seeded = await seedEvents(tenant, 500, Date.parse('2026-06-01T00:00:00Z'));
    await seedEvents(`/${uniqueGroupName('noise')}`, 100, Date.parse('2026-06-01T00:00:00Z'));
    const root = rootToken;
    const from = seeded[100]!.at;
    const to = seeded[199]!.at;

    // Act
    const byPages = await allEvents(root, tenant, '', 37);
    const disabledByEven = await allEvents(root, tenant, '?type=user.disabled&actor=even%40example.com', 20);
    const twoTypes = await allEvents(root, tenant, '?type=user.disabled&type=membership.granted', 100);
    const aboutOne = await allEvents(root, tenant, `?target=${encodeURIComponent('person-3@example.com')}`, 50);
    const inWindow = await allEvents(root, tenant, `?from=${from}&to=${to}`, 100);

    // Assess: the tenant's own creation comes first, the seeded events after it
    expect(byPages[0]!.type).toBe('group.created');
    expect(byPages.slice(1).map((event) => event.id)).toEqual(newestFirst(seeded));
    const expected = (keep: (event: AuditEvent) => boolean) => newestFirst(seeded.filter(keep));
    expect(disabledByEven.map((event) => event.id)).toEqual(
      expected((event) => event.type === 'user.disabled' && event.actor === 'even@example.com'),
    );
    expect(twoTypes.map((event) => event.id)).toEqual(expected((event) => event.type !== 'group.updated'));
    expect(aboutOne.map((event) => event.id)).toEqual(expected((event) => event.target.id === 'person-3@example.com'));
    expect(inWindow.map((event) => event.id)).toEqual(newestFirst(seeded.slice(100, 200)));
  }, 180_000);

  it("refuses another query's page token, unknown filters and a backwards time range with 400", async () => {
    // Prepare
    const [tenant, other] = [await createGroup('/'), await createGroup('/')];
    await seedEvents(other, 3, Date.parse('2026-01-01T00:00:00Z'));
    const first = await auditPage(rootToken, other, '?count=1');

    // Act
    const replayed = await auditPage(rootToken, tenant, `?count=1&fromToken=${first.body.pagination.lastEvaluatedToken}`);
    const forged = await auditPage(rootToken, tenant, '?fromToken=bm90LWEtdG9rZW4');
    const unknownType = await auditPage(rootToken, tenant, '?type=user.teleported');
    const badTime = await auditPage(rootToken, tenant, '?from=yesterday');
    const backwards = await auditPage(rootToken, tenant, '?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');

    // Assess
    expect([replayed.status, forged.status, unknownType.status, badTime.status, backwards.status]).toEqual([
      400, 400, 400, 400, 400,
    ]);
  });
});

describe('GET /audit/{eventId}', () => {
  it('answers an event of your trail, and 404 for one of another business exactly as for none', async () => {
    // Prepare
    const [tenant, other] = [await createGroup('/'), await createGroup('/')];
    const admin = await memberOf({ [tenant]: 'admin' });
    const [own] = (await auditPage(admin.token, tenant)).body.events as AuditEvent[];
    const [theirs] = (await auditPage(rootToken, other)).body.events as AuditEvent[];

    // Act
    const mine = await api('GET', `/audit/${own!.id}`, { token: admin.token, groupContext: tenant });
    const foreign = await api('GET', `/audit/${theirs!.id}`, { token: admin.token, groupContext: tenant });
    const missing = await api('GET', '/audit/019ad9a4-5c00-7c1e-9b3a-2f6d0e8c4a11', { token: admin.token, groupContext: tenant });
    const malformed = await api('GET', '/audit/not-an-id', { token: admin.token, groupContext: tenant });

    // Assess
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual(own);
    expect([foreign.status, missing.status, malformed.status]).toEqual([404, 404, 400]);
    expect(foreign.body.message.replace(theirs!.id, 'ID')).toBe(missing.body.message.replace(/[0-9a-f-]{36}/, 'ID'));
  });
});

describe('GET /audit/export', () => {
  it('streams the same events as the query, as JSON Lines and as CSV, and resumes past 1,000', async () => {
    // Prepare
    const tenant = await createGroup('/');
    const seeded = await seedEvents(tenant, 1100, Date.parse('2026-03-01T00:00:00Z'));
    const from = seeded[50]!.at;
    const to = seeded[149]!.at;
    const queried = await allEvents(rootToken, tenant, `?from=${from}&to=${to}`, 100);
    const exportOf = (accept: string, query: string) =>
      api('GET', `/audit/export${query}`, { token: rootToken, groupContext: tenant, headers: { Accept: accept } });

    // Act
    const ndjson = await exportOf('application/x-ndjson', `?from=${from}&to=${to}`);
    const csv = await exportOf('text/csv', `?from=${from}&to=${to}`);
    const firstPart = await exportOf('application/x-ndjson', '');
    const rest = await exportOf(
      'application/x-ndjson',
      `?fromToken=${encodeURIComponent(firstPart.headers.get('x-next-token')!)}`,
    );
    const refused = await exportOf('application/xml', '');

    // Assess
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (ndjson.body as string)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEvent);
    expect(lines).toEqual(queried);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (csv.body as string).trimEnd().split('\n');
    expect(rows[0]).toBe('id,at,type,actor,targetType,targetId,groupId,tenantId,requestId,sourceIp,userAgent,changes');
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(queried.map((event) => event.id));
    const firstIds = (firstPart.body as string)
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as AuditEvent).id);
    const restIds = (rest.body as string)
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as AuditEvent).id);
    expect(firstIds).toHaveLength(1000);
    expect(rest.headers.get('x-next-token')).toBeNull();
    expect([...firstIds, ...restIds].slice(1)).toEqual(newestFirst(seeded));
    expect(refused.status).toBe(406);
  }, 180_000);
});
