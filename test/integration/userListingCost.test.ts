/**
 * The DynamoDB requests of `GET /users` pages, counted on the client the real handlers and the
 * real authorizer share, in a local stack of this file's own (authorizer cache off, so each call
 * carries the authorizer's one Query, and the route guard's one BatchGetItem of decision inputs
 * unless cached): a page costs a bounded number of requests whatever its size; only a profile
 * without a complete membership summary costs a Query of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infrastructure/local/localStack.ts';
import type { TableRef } from '../../shared/store/client.ts';
import { backfillMembershipSummary } from '../../shared/store/membershipSummaryBackfill.ts';
import { apiCall, login } from '../bench/api.ts';
import type { DynamoCounter } from '../bench/dynamoCounter.ts';
import { batchPut, writeGroups } from '../bench/seedData.ts';
import { userItems } from '../bench/userItems.ts';
import { startCountedStack, type CountedStack } from './support/countedStack.ts';

const TENANT = '/listing';
const REPEATS_TENANT = '/repeats';
const LEGACY_TENANT = '/legacy';
const DEPARTMENTS = 5;
const PEOPLE = 150;
const LEGACY_PEOPLE = 12;
const department = (tenant: string, i: number) => `${tenant}/department-${i % DEPARTMENTS}`;
const personEmail = (prefix: string, i: number) => `${prefix}-${String(i).padStart(3, '0')}@example.com`;

let running: CountedStack | undefined;
let stack: LocalStack;
let bulk: TableRef;
let counter: DynamoCounter;
let token: string;

beforeAll(async () => {
  running = await startCountedStack('listing');
  ({ stack, bulk, counter } = running);
  const tenants = [TENANT, REPEATS_TENANT, LEGACY_TENANT];
  await writeGroups(bulk, [
    ...tenants,
    ...tenants.flatMap((tenant) => Array.from({ length: DEPARTMENTS }, (_, i) => department(tenant, i))),
  ]);
  const person = (
    tenant: string,
    prefix: string,
    i: number,
    options: { alsoAtTenant?: boolean; withoutSummary?: boolean } = {},
  ) =>
    userItems(bulk.tableName, {
      email: personEmail(prefix, i),
      memberships: { [department(tenant, i)]: 'reader', ...(options.alsoAtTenant ? { [tenant]: 'contributor' } : {}) },
      withoutSummary: options.withoutSummary,
    });
  await batchPut(bulk, [
    ...Array.from({ length: PEOPLE }, (_, i) => person(TENANT, 'person', i)).flat(),
    // Every third person here also belongs to the tenant itself: the subtree listing skips their second entry.
    ...Array.from({ length: PEOPLE }, (_, i) => person(REPEATS_TENANT, 'repeat', i, { alsoAtTenant: i % 3 === 0 })).flat(),
    ...Array.from({ length: LEGACY_PEOPLE }, (_, i) => person(LEGACY_TENANT, 'legacy', i, { withoutSummary: true })).flat(),
  ]);
  token = await login(stack.apiUrl, stack.admin.email, stack.admin.password);
}, 300_000);

afterAll(async () => {
  await running?.stop();
});

/** One call, and the operations it sent (`Query`, `Query gsi2`, `BatchGetItem`), in order. */
async function counted(path: string, groupContext: string): Promise<{ emails: string[]; operations: string[] }> {
  counter.reset();
  const response = await apiCall(stack.apiUrl, 'GET', path, { token, groupContext });
  const operations = counter.snapshot().requests.map((request) => request.operation);
  expect(response.status).toBe(200);
  return { emails: (response.body.users as { email: string }[]).map((user) => user.email), operations };
}

describe('GET /users: DynamoDB requests per page', () => {
  it('answers a page of 10 in at most 4 requests and a page of 100 in at most 5: the authorizer’s Query, the route guard’s decision inputs, the membership index, one BatchGetItem per 50 users', async () => {
    // Act
    const small = await counted('/users?includeChildGroups=true&count=10', TENANT);
    const large = await counted('/users?includeChildGroups=true&count=100', TENANT);

    // Assess
    expect(small.emails).toHaveLength(10);
    expect(large.emails).toHaveLength(100);
    expect(new Set(large.emails).size).toBe(100);
    expect(small.operations.length, small.operations.join(' → ')).toBeLessThanOrEqual(4);
    expect(large.operations.length, large.operations.join(' → ')).toBeLessThanOrEqual(5);
    expect(large.operations.filter((operation) => operation === 'Query')).toHaveLength(1);
    expect(large.operations.filter((operation) => operation === 'Query gsi2')).toHaveLength(1);
  });

  it('keeps a page of 100 whose users repeat within the bound: five index reads at most, each with at most two BatchGetItem', async () => {
    // Act
    const page = await counted('/users?includeChildGroups=true&count=100', REPEATS_TENANT);

    // Assess: 100 users, each once, and never a Query per user
    expect(page.emails).toHaveLength(100);
    expect(new Set(page.emails).size).toBe(100);
    expect(page.operations.filter((operation) => operation === 'Query')).toHaveLength(1);
    expect(page.operations.length, page.operations.join(' → ')).toBeLessThanOrEqual(2 + 5 * 3);
  });

  it('reads each profile without a complete summary with one Query of its partition, until the backfill writes its summary', async () => {
    // Act
    const before = await counted(`/users?includeChildGroups=true&count=${LEGACY_PEOPLE}`, LEGACY_TENANT);
    for (let i = 0; i < LEGACY_PEOPLE; i++) await backfillMembershipSummary(bulk, personEmail('legacy', i));
    const after = await counted(`/users?includeChildGroups=true&count=${LEGACY_PEOPLE}`, LEGACY_TENANT);

    // Assess: the same users, and one partition Query each (beside the authorizer's) only before the backfill
    expect(before.emails).toHaveLength(LEGACY_PEOPLE);
    expect(after.emails).toEqual(before.emails);
    expect(before.operations.filter((operation) => operation === 'Query')).toHaveLength(1 + LEGACY_PEOPLE);
    expect(after.operations.filter((operation) => operation === 'Query')).toHaveLength(1);
    expect(after.operations.length, after.operations.join(' → ')).toBeLessThanOrEqual(4);
  });
});
