/**
 * The DynamoDB requests of `POST /authorizations/check-batch`, counted on the client the real
 * handlers and the real authorizer share, in a local stack of this file's own (authorizer cache
 * off, so each call carries the authorizer's one Query): a batch of 100 checks of 100 distinct
 * people costs the handler at most 5 requests, each person's profile and membership summary read
 * by key; a person whose summary is missing is decided from their membership items instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infrastructure/local/localStack.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { TableRef } from '../../shared/store/client.ts';
import { putNewRole } from '../../shared/store/roleStore.ts';
import { apiCall, login } from '../bench/api.ts';
import type { DynamoCounter } from '../bench/dynamoCounter.ts';
import { batchPut, writeGroups } from '../bench/seedData.ts';
import { userItems } from '../bench/userItems.ts';
import { startCountedStack, type CountedStack } from './support/countedStack.ts';

const DEPARTMENTS = 10;
const PEOPLE = 100;
const CUSTOM_ROLE = 'approver';
const BUILT_IN: Role[] = ['reader', 'contributor', 'admin'];
/** Each test reads its own tenant, so the handler's cache of custom roles and MFA settings starts cold in each. */
const TENANTS = { cold: '/batch-cold', legacy: '/batch-legacy', summarized: '/batch-summarized' } as const;

const department = (tenant: string, i: number) => `${tenant}/department-${i % DEPARTMENTS}`;
const personEmail = (tenant: string, i: number) => `${tenant.slice(1)}-${String(i).padStart(3, '0')}@example.com`;
/** Every fifth person holds the custom role (which allows `payments:approve`), the others a built-in one. */
const roleOf = (i: number): Role => (i % 5 === 0 ? CUSTOM_ROLE : BUILT_IN[i % BUILT_IN.length]!);

let running: CountedStack | undefined;
let stack: LocalStack;
let bulk: TableRef;
let counter: DynamoCounter;
let token: string;

async function seedTenant(tenant: string, options: { withoutSummary?: boolean } = {}): Promise<void> {
  await writeGroups(bulk, [tenant, ...Array.from({ length: DEPARTMENTS }, (_, i) => department(tenant, i))]);
  const role = putNewRole(bulk.tableName, {
    name: CUSTOM_ROLE,
    actions: ['payments:approve'],
    definedAt: tenant,
    createdBy: 'test',
    createdAt: new Date().toISOString(),
  }).Put!.Item!;
  const people = Array.from({ length: PEOPLE }, (_, i) =>
    userItems(bulk.tableName, {
      email: personEmail(tenant, i),
      memberships: { [department(tenant, i)]: roleOf(i) },
      roleSources: roleOf(i) === CUSTOM_ROLE ? { [department(tenant, i)]: tenant } : {},
      withoutSummary: options.withoutSummary,
    }),
  );
  await batchPut(bulk, [role, ...people.flat()]);
}

beforeAll(async () => {
  running = await startCountedStack('batch');
  ({ stack, bulk, counter } = running);
  await seedTenant(TENANTS.cold);
  await seedTenant(TENANTS.summarized);
  await seedTenant(TENANTS.legacy, { withoutSummary: true });
  token = await login(stack.apiUrl, stack.admin.email, stack.admin.password);
}, 300_000);

afterAll(async () => {
  await running?.stop();
});

const checksOf = (tenant: string, action: string) =>
  Array.from({ length: PEOPLE }, (_, i) => ({ action, groupId: department(tenant, i), email: personEmail(tenant, i) }));

/** One batch, its answers, and the operations the handler sent (the authorizer's Query, always first, left out). */
async function countedBatch(tenant: string, action: string): Promise<{ allowed: boolean[]; handlerOperations: string[] }> {
  counter.reset();
  const response = await apiCall(stack.apiUrl, 'POST', '/authorizations/check-batch', {
    token,
    groupContext: tenant,
    body: { checks: checksOf(tenant, action) },
  });
  expect(response.status).toBe(200);
  const operations = counter.snapshot().requests.map((request) => request.operation);
  expect(operations[0]).toBe('Query');
  const results = response.body.results as { allowed: boolean }[];
  return { allowed: results.map((result) => result.allowed), handlerOperations: operations.slice(1) };
}

describe('POST /authorizations/check-batch: DynamoDB requests', () => {
  it('decides 100 checks of 100 distinct people, custom roles among them, in at most 5 requests with nothing cached', async () => {
    // Act
    const batch = await countedBatch(TENANTS.cold, 'payments:approve');

    // Assess: the custom role allows the action, as contributors and admins may any outside IAM; readers may not
    expect(batch.allowed).toEqual(Array.from({ length: PEOPLE }, (_, i) => roleOf(i) !== 'reader'));
    expect(batch.handlerOperations.length, batch.handlerOperations.join(' → ')).toBeLessThanOrEqual(5);
    expect(batch.handlerOperations.every((operation) => operation === 'BatchGetItem')).toBe(true);
  });

  it('reads two items a person: the profiles and summaries of 100 people in two BatchGetItem of 100 keys', async () => {
    // Prepare: a first call fills the handler's cache of custom roles and MFA settings
    await countedBatch(TENANTS.summarized, 'accounts:read');

    // Act
    const warm = await countedBatch(TENANTS.summarized, 'accounts:read');

    // Assess
    expect(warm.handlerOperations).toEqual(['BatchGetItem', 'BatchGetItem']);
  });

  it('decides people whose membership summary is missing from their membership items, as it decides the others', async () => {
    // Act
    const legacy = await countedBatch(TENANTS.legacy, 'payments:approve');
    const summarized = await countedBatch(TENANTS.summarized, 'payments:approve');

    // Assess: the same answers for the same shapes of people; the membership items cost more reads, never a Query
    expect(legacy.allowed).toEqual(summarized.allowed);
    expect(legacy.allowed.filter(Boolean).length).toBeGreaterThan(0);
    expect(legacy.handlerOperations.every((operation) => operation === 'BatchGetItem')).toBe(true);
  });
});
