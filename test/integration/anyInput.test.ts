/**
 * Any input, any route: requests generated from every route's zod schemas in the manifest (values
 * that fit, boundary values, wrong types, hostile JSON), sent through the local gateway as an
 * admin of `/`. The service must answer every one with a status below 500 and every error in the
 * JSON error shape, and must leave nothing half-written: afterwards every group the run touched
 * counts exactly the members and children it has, and every membership has its user.
 */
import fc from 'fast-check';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../shared/api/routeDefinition.ts';
import { ROUTES } from '../../shared/api/routes.ts';
import { TABLE_INDEXES, childrenPartition, membersPartition } from '../../shared/store/keys.ts';
import { api, login, randomLoopbackAddress, type ApiResponse } from './support/api.ts';
import { createTestUser, testTable, uniqueGroupName } from './support/fixtures.ts';
import { arbitraryFor, type KnownValues } from './support/schemaArbitrary.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
const FUZZED_ROUTES = ROUTES.filter((route) => !route.hidden);

interface GeneratedRequest {
  route: RouteDefinition;
  params: unknown;
  query: unknown;
  body: unknown;
  context: string | undefined;
}

describe('any generated request, on any route', () => {
  let admin: { email: string; password: string };
  let token: string;
  let known: KnownValues;
  const adminAddress = randomLoopbackAddress();

  beforeAll(async () => {
    admin = await createTestUser({ memberships: { '/': 'admin' } });
    token = (await login(admin.email, admin.password, { sourceAddress: adminAddress })).accessToken;
    const tenant = `/${uniqueGroupName('fuzz')}`;
    expect((await api('POST', '/groups', { token, groupContext: '/', body: { name: tenant.slice(1) } })).status).toBe(201);
    expect((await api('POST', '/groups', { token, groupContext: tenant, body: { name: 'child' } })).status).toBe(201);
    const member = `fuzz-member-${tenant.slice(6)}@example.com`;
    expect((await api('POST', '/users', { token, groupContext: tenant, body: { email: member, role: 'reader' } })).status).toBe(
      201,
    );
    expect(
      (await api('POST', '/roles', { token, groupContext: tenant, body: { name: 'fuzz-role', actions: ['payments:*'] } })).status,
    ).toBe(201);
    known = { groupIds: ['/', tenant, `${tenant}/child`], emails: [member, 'nobody@example.com'], roleNames: ['fuzz-role'] };
  });

  it('answers below 500, in the JSON error shape, and leaves every touched group consistent', { timeout: 300_000 }, async () => {
    // Prepare
    const requests = fc.constantFrom(...FUZZED_ROUTES).chain((route) =>
      fc.record({
        route: fc.constant(route),
        params: route.request.params ? arbitraryFor(route.request.params, known) : fc.constant({}),
        query: route.request.query ? arbitraryFor(route.request.query, known) : fc.constant({}),
        body: route.request.body
          ? fc.oneof({ arbitrary: arbitraryFor(route.request.body, known), weight: 9 }, fc.constant(undefined))
          : fc.constant(undefined),
        context: fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 5 },
          { arbitrary: fc.constantFrom(...known.groupIds), weight: 4 },
          { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
        ),
      }),
    );

    // Act and Assess: each answer
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const response = await send(request, token);
        expectWellFormed(request, response);
        if (response.status === 401 && request.route.access.kind !== 'public') {
          token = (await login(admin.email, admin.password, { sourceAddress: adminAddress })).accessToken;
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );

    // Assess: nothing half-written
    await expectConsistentGroups(known.groupIds.slice(1));
  });
});

async function send(request: GeneratedRequest, token: string): Promise<ApiResponse> {
  const path = request.route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    // An empty segment would address another resource (`/roles/` is `/roles`), not this route.
    encodeURIComponent(asText((request.params as Record<string, unknown> | null)?.[name] ?? '') || ' '),
  );
  const search = new URLSearchParams();
  if (request.query && typeof request.query === 'object') {
    for (const [name, value] of Object.entries(request.query)) {
      for (const item of Array.isArray(value) ? value : [value]) search.append(name, asText(item));
    }
  }
  const query = search.size > 0 ? `?${search}` : '';
  return api(request.route.method, `${path}${query}`, {
    token: request.route.access.kind === 'public' ? undefined : token,
    ...(request.body === undefined ? {} : { rawBody: JSON.stringify(request.body) }),
    // Set as a header, not `groupContext`, so an empty context is sent too.
    headers: {
      'Content-Type': 'application/json',
      ...(request.context === undefined ? {} : { 'x-groupcontextid': encodeURIComponent(request.context) }),
    },
  });
}

/** What a client would put in a URL for this value. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

function expectWellFormed(request: GeneratedRequest, response: ApiResponse): void {
  const where = `${request.route.method} ${request.route.path} ${JSON.stringify({ ...request, route: undefined }).slice(0, 600)}`;
  expect(response.status, where).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.body, where).toMatchObject({
      statusCode: response.status,
      error: expect.any(String),
      message: expect.any(String),
    });
  }
}

async function expectConsistentGroups(groupIds: string[]): Promise<void> {
  const { doc, tableName } = testTable();
  const count = async (partition: string) => {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: TABLE_INDEXES.byParent.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE_INDEXES.byParent.pk },
        ExpressionAttributeValues: { ':pk': partition },
      }),
    );
    return Items;
  };
  const { Items: groups = [] } = await doc.send(
    new ScanCommand({
      TableName: tableName,
      FilterExpression: '#type = :group',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':group': 'group' },
    }),
  );
  const touched = groups.filter((group) => groupIds.some((id) => group.id === id || String(group.id).startsWith(`${id}/`)));
  for (const group of touched) {
    const members = await count(membersPartition(group.id));
    const children = await count(childrenPartition(group.id));
    expect(Number(group.memberCount ?? 0), `members of ${group.id}`).toBe(members.length);
    expect(Number(group.childCount ?? 0), `children of ${group.id}`).toBe(children.length);
    for (const member of members) {
      const { Items: profile = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk = :sk',
          ExpressionAttributeValues: { ':pk': member.pk, ':sk': '#PROFILE' },
        }),
      );
      expect(profile, `profile of ${member.pk}`).toHaveLength(1);
    }
  }
}
