/**
 * Issue 14: DynamoDB requests of a batch of 100 checks of 100 distinct people, and of pages of
 * `GET /users`, counted through the local gateway (authorizer cache off, so each call also carries
 * one authorizer Query, which the report separates out).
 */
import type { LocalStack } from '../../infrastructure/local/localStack.ts';
import type { TableRef } from '../../shared/store/client.ts';
import { putNewRole } from '../../shared/store/roleStore.ts';
import type { DynamoCounter } from './dynamoCounter.ts';
import { costOf, type RouteCost } from './groupsBench.ts';
import { batchPut, writeGroups } from './seedData.ts';
import { userItems } from './userItems.ts';

const TENANT = '/checks';
/** The same people again, as profiles written before membership summaries: what every page cost before them. */
const LEGACY_TENANT = '/checks-legacy';
const DEPARTMENTS = 10;
const PEOPLE = 100;
const CUSTOM_ROLE = 'bench-approver';
const BUILT_IN = ['reader', 'contributor', 'admin'] as const;

export interface BatchBenchResult {
  shape: string;
  costs: RouteCost[];
}

const department = (i: number, tenant = TENANT) => `${tenant}/department-${i % DEPARTMENTS}`;
const personEmail = (i: number, prefix = 'bench-person') => `${prefix}-${String(i).padStart(3, '0')}@example.com`;

/**
 * `TENANT` with its departments, a custom role defined at the tenant, and 100 people, one
 * membership each, written as the service writes them (with their membership summaries); and the
 * same in `LEGACY_TENANT` without summaries.
 */
async function seed(table: TableRef): Promise<void> {
  const tenants = [TENANT, LEGACY_TENANT];
  await writeGroups(table, [
    ...tenants,
    ...tenants.flatMap((tenant) => Array.from({ length: DEPARTMENTS }, (_, i) => department(i, tenant))),
  ]);
  const createdAt = new Date().toISOString();
  const roles = tenants.map(
    (tenant) =>
      putNewRole(table.tableName, {
        name: CUSTOM_ROLE,
        actions: ['payments:*', 'accounts:read'],
        definedAt: tenant,
        createdBy: 'bench',
        createdAt,
      }).Put!.Item!,
  );
  const people = tenants.flatMap((tenant) =>
    Array.from({ length: PEOPLE }, (_, i) => {
      const custom = i % 5 === 0;
      const groupId = department(i, tenant);
      return userItems(table.tableName, {
        email: tenant === TENANT ? personEmail(i) : personEmail(i, 'bench-legacy'),
        memberships: { [groupId]: custom ? CUSTOM_ROLE : BUILT_IN[i % BUILT_IN.length]! },
        roleSources: custom ? { [groupId]: tenant } : {},
        withoutSummary: tenant === LEGACY_TENANT,
      });
    }),
  );
  await batchPut(table, [...roles, ...people.flat()]);
}

export async function measureBatchCosts(
  stack: LocalStack,
  counter: DynamoCounter,
  bulk: TableRef,
  adminToken: string,
): Promise<BatchBenchResult> {
  await seed(bulk);
  const distinct = Array.from({ length: PEOPLE }, (_, i) => ({
    action: 'payments:approve',
    groupId: department(i),
    email: personEmail(i),
  }));
  const samePerson = Array.from({ length: PEOPLE }, (_, i) => ({
    action: i % 2 === 0 ? 'payments:approve' : 'accounts:read',
    groupId: department(i),
    email: personEmail(0),
  }));
  const cost = (label: string, method: string, path: string, body?: unknown) =>
    costOf(stack, counter, label, method, path, 200, { token: adminToken, groupContext: TENANT, body });
  const costs = [
    await cost(
      'check-batch: 100 checks of 100 distinct people (first call: roles and MFA settings not cached)',
      'POST',
      '/authorizations/check-batch',
      {
        checks: distinct,
      },
    ),
    await cost('check-batch: the same 100 checks again (roles and MFA settings cached)', 'POST', '/authorizations/check-batch', {
      checks: distinct,
    }),
    await cost('check-batch: 100 checks of one person', 'POST', '/authorizations/check-batch', { checks: samePerson }),
    await cost('check: one check of another person', 'POST', '/authorizations/check', distinct[1]),
    await cost('GET /users?includeChildGroups=true&count=10', 'GET', '/users?includeChildGroups=true&count=10'),
    await cost('GET /users?includeChildGroups=true&count=100', 'GET', '/users?includeChildGroups=true&count=100'),
    await costOf(
      stack,
      counter,
      'GET /users?includeChildGroups=true&count=100, profiles written before summaries (not backfilled)',
      'GET',
      '/users?includeChildGroups=true&count=100',
      200,
      { token: adminToken, groupContext: LEGACY_TENANT },
    ),
  ];
  return {
    shape: `\`${TENANT}\` with ${DEPARTMENTS} departments; ${PEOPLE} people, one membership each in a department (each check reads the profile and the membership summary; the 3 membership keys on the path, depth 2, for people without a summary); every fifth holds the custom role \`${CUSTOM_ROLE}\` defined at \`${TENANT}\`, the others \`reader\`, \`contributor\` or \`admin\`; nobody has enrolled MFA. Written as the service writes them, membership summaries included; \`${LEGACY_TENANT}\` holds the same people without summaries, as profiles written before them are until \`npm run backfill:summaries\``,
    costs,
  };
}
