/**
 * Issue 3: DynamoDB requests (and consumed capacity) per groups route, and the time of deep
 * pages of `GET /groups?includeChildGroups=true&count=100` over a 10,000-group tree.
 * Every call goes through the local gateway with the authorizer cache off, so each call also
 * carries one uncached authorizer decision; the report separates it out.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../infrastructure/local/localStack.ts';
import type { TableRef } from '../../shared/store/client.ts';
import { GROUP_TREE_PARTITION, TABLE_INDEXES } from '../../shared/store/keys.ts';
import { apiCall, expectStatus, type CallOptions } from './api.ts';
import type { CountedRequest, DynamoCounter } from './dynamoCounter.ts';
import { median } from './stats.ts';

export interface RouteCost {
  call: string;
  status: number;
  requests: CountedRequest[];
  attempts: number;
  authorizerDecisions: number;
  capacityUnits?: number;
}

/** Runs `call` alone and counts the DynamoDB requests made while it runs. */
export async function costOf(
  stack: LocalStack,
  counter: DynamoCounter,
  label: string,
  method: string,
  path: string,
  expected: number,
  options: CallOptions,
): Promise<RouteCost> {
  counter.reset();
  const decisionsBefore = stack.gateway.authorizerInvocations();
  const call = expectStatus(await apiCall(stack.apiUrl, method, path, options), expected, label);
  const counted = counter.snapshot();
  return {
    call: label,
    status: call.status,
    requests: counted.requests,
    attempts: counted.attempts,
    authorizerDecisions: stack.gateway.authorizerInvocations() - decisionsBefore,
    capacityUnits: counted.capacityUnits,
  };
}

export async function measureRouteCosts(stack: LocalStack, counter: DynamoCounter, token: string): Promise<RouteCost[]> {
  const id = '/bench/finance';
  const path = `/groups/${encodeURIComponent(id)}`;
  const cost = (label: string, method: string, url: string, expected: number, options: CallOptions = {}) =>
    costOf(stack, counter, label, method, url, expected, { token, ...options });
  // Set-up, not measured: the parent of the group the measured calls work on.
  expectStatus(
    await apiCall(stack.apiUrl, 'POST', '/groups', { token, body: { name: 'bench', tags: { region: 'emea' } } }),
    201,
    'create /bench',
  );

  const costs = [
    await cost('POST /groups (depth 2, 2 tags, configuration)', 'POST', '/groups', 201, {
      groupContext: '/bench',
      body: {
        name: 'Finance',
        description: 'Finance',
        tags: { region: 'emea/uk', costCentre: 'cc-1' },
        configuration: { payments: { approvals: 2 } },
      },
    }),
    await cost('GET /groups/{id} (depth 2)', 'GET', path, 200),
    await cost('GET /groups (children)', 'GET', '/groups', 200, { groupContext: '/bench' }),
    await cost('GET /groups?includeChildGroups=true', 'GET', '/groups?includeChildGroups=true', 200, { groupContext: '/bench' }),
    await cost('GET /groups?includeParentGroups=true', 'GET', '/groups?includeParentGroups=true', 200, { groupContext: id }),
    await cost('PATCH /groups/{id} (tags + configuration)', 'PATCH', path, 200, {
      body: { tags: { region: 'emea/fr', costCentre: null }, configuration: { payments: { limit: 500 } } },
    }),
    await cost('GET /tags/{key}', 'GET', '/tags/region?resourceType=group', 200, { groupContext: '/bench' }),
  ];
  expectStatus(await apiCall(stack.apiUrl, 'PATCH', path, { token, body: { state: 'disabled' } }), 200, 'disable before delete');
  costs.push(await cost('DELETE /groups/{id}', 'DELETE', path, 204));
  return costs;
}

export interface PageTiming {
  page: number;
  groups: number;
  httpMs: number;
  /** The handler's list Query alone, as the SDK saw it. */
  queryMs: number;
  /** Capacity units DynamoDB Local reports for the list Query. */
  queryCapacity?: number;
  /** The same page read directly with a key condition (`gsi2sk > last id`) instead of ExclusiveStartKey. */
  keyConditionMs: number;
  requestsPerCall: number;
  operations: string[];
}

const WARM_UP_ROUNDS = 3;
const LIST_PATH = '/groups?includeChildGroups=true&count=100';

/** Times `pages` (the first one first) of the full-tree listing from `/`, each the median of `repeats` calls of that same page. */
export async function measureDeepPages(
  stack: LocalStack,
  counter: DynamoCounter,
  table: TableRef,
  token: string,
  pages: number[],
  repeats: number,
): Promise<PageTiming[]> {
  const pathOf = (fromToken: string | undefined) =>
    fromToken ? `${LIST_PATH}&fromToken=${encodeURIComponent(fromToken)}` : LIST_PATH;
  const tokens = new Map<number, string | undefined>([[1, undefined]]);
  const lastIdBefore = new Map<number, string>([[1, '/']]);
  for (let page = 1; page < Math.max(...pages); page++) {
    const call = expectStatus(await apiCall(stack.apiUrl, 'GET', pathOf(tokens.get(page)), { token }), 200, `page ${page}`);
    const next = call.body.pagination?.lastEvaluatedToken as string | undefined;
    if (!next) throw new Error(`page ${page} carries no lastEvaluatedToken: the tree is smaller than expected`);
    tokens.set(page + 1, next);
    lastIdBefore.set(page + 1, call.body.groups.at(-1).id);
  }
  // For comparison: the page the handler's Query returns, asked for as "ids after the last one" (not sent by the service).
  const index = TABLE_INDEXES.byTree;
  const keyConditionQuery = (after: string) =>
    new QueryCommand({
      TableName: table.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk AND #sk > :after',
      ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
      ExpressionAttributeValues: { ':pk': GROUP_TREE_PARTITION, ':after': after },
      Limit: 101,
    });

  // Pages are timed in turns (1, 50, 1, 50, ...) after a few warm-up rounds, so drift on a busy
  // two-core machine (JIT, garbage collection in DynamoDB Local) lands on every page alike.
  const samples = pages.map((page) => ({
    page,
    path: pathOf(tokens.get(page)),
    groups: 0,
    httpMs: [] as number[],
    queryMs: [] as number[],
    attempts: 0,
    operations: [] as string[],
    queryCapacity: undefined as number | undefined,
    keyConditionMs: [] as number[],
  }));
  for (let round = -WARM_UP_ROUNDS; round < repeats; round++) {
    for (const sample of samples) {
      counter.reset();
      const call = expectStatus(await apiCall(stack.apiUrl, 'GET', sample.path, { token }), 200, `page ${sample.page}`);
      const counted = counter.snapshot();
      const started = performance.now();
      await table.doc.send(keyConditionQuery(lastIdBefore.get(sample.page)!));
      if (round < 0) continue;
      sample.keyConditionMs.push(performance.now() - started);
      sample.groups = call.body.groups.length;
      sample.httpMs.push(call.ms);
      // The handler's list reads an index (`Query gsi2`); the authorizer's Query reads the table itself.
      const listQueries = counted.requests.filter((request) => request.operation.startsWith('Query '));
      sample.queryMs.push(listQueries.reduce((sum, request) => sum + request.ms, 0));
      sample.queryCapacity = listQueries[0]?.capacityUnits;
      sample.attempts += counted.attempts;
      sample.operations = counted.requests.map((request) => request.operation);
    }
  }
  return samples.map((sample) => ({
    page: sample.page,
    groups: sample.groups,
    httpMs: median(sample.httpMs),
    queryMs: median(sample.queryMs),
    queryCapacity: sample.queryCapacity,
    keyConditionMs: median(sample.keyConditionMs),
    requestsPerCall: sample.attempts / repeats,
    operations: sample.operations,
  }));
}
