/** Reads and transaction items for groups. Business rules live in services/groups/. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batchGet.ts';
import { parentGroupId } from '../domain/groupPath.ts';
import type { TableRef } from './client.ts';
import { childrenPartition, GROUP_TREE_PARTITION, groupIndexKeys, groupKey, TABLE_INDEXES } from './keys.ts';
import { GROUP_ENTITY, GROUP_RECORD_FIELDS } from './entities/groups.ts';
import { stripInternal } from './items.ts';
import type { GroupRecord } from './storedRecords.ts';
import type { TransactItem } from './transactions.ts';
import { sendQuery } from './pagination.ts';

export interface StoredGroup {
  record: GroupRecord;
  /** Optimistic-concurrency version: every update must name the version it read. */
  version: number;
  /** Sub-groups and memberships (invitations included), counted in the transactions that add and remove them. */
  childCount: number;
  memberCount: number;
  /** Tenants: distinct users in the subtree, and the plan's limit (absent: no limit). */
  userCount: number;
  userLimit?: number;
}

/** Fields in the order clients see them (DynamoDB returns attributes in no particular order). */
const GROUP_FIELDS: readonly (keyof GroupRecord)[] = GROUP_RECORD_FIELDS;

export function toStored(item: Record<string, unknown>): StoredGroup {
  const stored = stripInternal<Record<string, unknown>>(item);
  const record = Object.fromEntries(
    GROUP_FIELDS.filter((field) => stored[field] !== undefined).map((field) => [field, stored[field]]),
  );
  return {
    record: record as unknown as GroupRecord,
    version: Number(item.version ?? 0),
    childCount: Number(item.childCount ?? 0),
    memberCount: Number(item.memberCount ?? 0),
    userCount: Number(item.userCount ?? 0),
    userLimit: item.userLimit === undefined ? undefined : Number(item.userLimit),
  };
}

export async function getGroup(table: TableRef, id: string): Promise<GroupRecord | undefined> {
  return (await getStoredGroup(table, id))?.record;
}

export async function getStoredGroup(table: TableRef, id: string): Promise<StoredGroup | undefined> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: groupKey(id), ConsistentRead: true }));
  return Item ? toStored(Item) : undefined;
}

/** Groups by id, 100 per BatchGet (retrying unprocessed keys); missing ids are absent from the map. */
export async function getGroupsByIds(table: TableRef, ids: string[]): Promise<Map<string, GroupRecord>> {
  const items = await batchGetItems(table, ids.map(groupKey));
  const records = [...items.values()].map((item) => toStored(item).record);
  return new Map(records.map((record) => [record.id, record]));
}

export interface GroupQuery {
  limit: number;
  startKey?: Record<string, string>;
  /** Optional filter on tags: every pair must match. Applied after the read, so a page may hold fewer items. */
  tags?: { key: string; value: string }[];
}

export interface GroupQueryPage {
  /** Each group with the index key a query can resume after. */
  entries: { group: GroupRecord; key: Record<string, string> }[];
  lastKey?: Record<string, string>;
}

export function queryChildren(table: TableRef, parentId: string, query: GroupQuery): Promise<GroupQueryPage> {
  const index = TABLE_INDEXES.byParent;
  return queryGroups(table, index, `#pk = :pk`, { '#pk': index.pk }, { ':pk': childrenPartition(parentId) }, query);
}

/** Every group beneath `ancestorId`, in id order. */
export function queryDescendants(table: TableRef, ancestorId: string, query: GroupQuery): Promise<GroupQueryPage> {
  const index = TABLE_INDEXES.byTree;
  const prefix = ancestorId === '/' ? '/' : `${ancestorId}/`;
  // `/` itself is not its own descendant: for the root, start strictly after it.
  const condition = ancestorId === '/' ? '#pk = :pk AND #sk > :prefix' : '#pk = :pk AND begins_with(#sk, :prefix)';
  return queryGroups(
    table,
    index,
    condition,
    { '#pk': index.pk, '#sk': index.sk },
    { ':pk': GROUP_TREE_PARTITION, ':prefix': prefix },
    query,
  );
}

async function queryGroups(
  table: TableRef,
  index: { name: string; pk: string; sk: string },
  keyCondition: string,
  names: Record<string, string>,
  values: Record<string, unknown>,
  query: GroupQuery,
): Promise<GroupQueryPage> {
  const tagNames: Record<string, string> = {};
  const tagValues: Record<string, unknown> = {};
  const tagConditions = (query.tags ?? []).map((tag, i) => {
    tagNames[`#tk${i}`] = tag.key;
    tagValues[`:tv${i}`] = tag.value;
    return `#tags.#tk${i} = :tv${i}`;
  });
  const result = await sendQuery(
    table,
    new QueryCommand({
      TableName: table.tableName,
      IndexName: index.name,
      KeyConditionExpression: keyCondition,
      ...(tagConditions.length ? { FilterExpression: tagConditions.join(' AND ') } : {}),
      ExpressionAttributeNames: { ...names, ...tagNames, ...(tagConditions.length ? { '#tags': 'tags' } : {}) },
      ExpressionAttributeValues: { ...values, ...tagValues },
      Limit: query.limit,
      ExclusiveStartKey: query.startKey,
    }),
  );
  const keyOf = (item: Record<string, unknown>) =>
    Object.fromEntries(['pk', 'sk', index.pk, index.sk].map((attribute) => [attribute, String(item[attribute])]));
  return {
    entries: (result.Items ?? []).map((item) => ({ group: toStored(item).record, key: keyOf(item) })),
    lastKey: result.LastEvaluatedKey as Record<string, string> | undefined,
  };
}

export function putNewGroup(
  tableName: string,
  record: GroupRecord,
  counts: { memberCount?: number; userCount?: number; userLimit?: number } = {},
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...groupKey(record.id),
        ...groupIndexKeys(record.id, parentGroupId(record.id)),
        type: GROUP_ENTITY.type,
        version: 1,
        childCount: 0,
        memberCount: counts.memberCount ?? 0,
        ...(counts.userCount === undefined ? {} : { userCount: counts.userCount }),
        ...(counts.userLimit === undefined ? {} : { userLimit: counts.userLimit }),
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Adds to a group's counts: sub-groups, members (memberships and invitations), and for tenants
 * distinct users. With `requireActive`, it holds only while the group exists and is active: new
 * sub-groups and members need an active group. A positive user delta holds only while the
 * tenant's plan has room. Deleting a group requires its counts to be zero in the same
 * transaction, so no index read can go stale.
 */
export function adjustGroup(
  tableName: string,
  id: string,
  deltas: { childCount?: number; memberCount?: number; userCount?: number },
  requireActive: boolean,
): TransactItem {
  const counters = Object.entries(deltas).filter(([, delta]) => delta !== undefined) as [string, number][];
  const conditions = ['attribute_exists(pk)'];
  if (requireActive) conditions.push('#state = :active');
  if ((deltas.userCount ?? 0) > 0)
    conditions.push('(attribute_not_exists(userLimit) OR attribute_not_exists(userCount) OR userCount < userLimit)');
  return {
    Update: {
      TableName: tableName,
      Key: groupKey(id),
      UpdateExpression: `ADD ${counters.map(([name]) => `#${name} :${name}`).join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: {
        ...Object.fromEntries(counters.map(([name]) => [`#${name}`, name])),
        ...(requireActive ? { '#state': 'state' } : {}),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(counters.map(([name, delta]) => [`:${name}`, delta])),
        ...(requireActive ? { ':active': 'active' } : {}),
      },
    },
  };
}

export function adjustGroupCount(
  tableName: string,
  id: string,
  counter: 'childCount' | 'memberCount',
  delta: number,
  requireActive: boolean,
): TransactItem {
  return adjustGroup(tableName, id, { [counter]: delta }, requireActive);
}

/** Changes a tenant's plan; a limit below its current users is refused by the condition. */
export function setTenantPlan(
  tableName: string,
  id: string,
  plan: string,
  userLimit: number | undefined,
  actor: string,
  at: string,
): TransactItem {
  const limited = userLimit !== undefined;
  return {
    Update: {
      TableName: tableName,
      Key: groupKey(id),
      UpdateExpression: `SET #plan = :plan, updatedBy = :actor, updatedAt = :at${limited ? ', userLimit = :limit' : ' REMOVE userLimit'} ADD #version :one`,
      ConditionExpression: limited
        ? 'attribute_exists(pk) AND (attribute_not_exists(userCount) OR userCount <= :limit)'
        : 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#plan': 'plan', '#version': 'version' },
      ExpressionAttributeValues: {
        ':plan': plan,
        ':actor': actor,
        ':at': at,
        ':one': 1,
        ...(limited ? { ':limit': userLimit } : {}),
      },
    },
  };
}

/** Writes the group's record fields (not its counts), provided nobody changed it since `version` was read. */
export function replaceGroup(tableName: string, record: GroupRecord, version: number): TransactItem {
  const present = GROUP_FIELDS.filter((field) => field !== 'id' && record[field] !== undefined);
  const absent = GROUP_FIELDS.filter((field) => field !== 'id' && record[field] === undefined);
  const names = Object.fromEntries([...present, ...absent, 'version'].map((field) => [`#${field}`, field]));
  const values = {
    ...Object.fromEntries(present.map((field) => [`:${field}`, record[field]])),
    ':version': version,
    ':next': version + 1,
  };
  return {
    Update: {
      TableName: tableName,
      Key: groupKey(record.id),
      UpdateExpression: `SET ${[...present.map((field) => `#${field} = :${field}`), '#version = :next'].join(', ')}${absent.length ? ` REMOVE ${absent.map((field) => `#${field}`).join(', ')}` : ''}`,
      ConditionExpression: 'attribute_exists(pk) AND #version = :version',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** Deletes a group that is disabled, has no sub-groups and no members, and has not changed since `version`. */
export function deleteDisabledGroup(tableName: string, id: string, version: number): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: groupKey(id),
      ConditionExpression:
        '#state = :disabled AND #version = :version AND (attribute_not_exists(#children) OR #children = :zero) AND (attribute_not_exists(#members) OR #members = :zero)',
      ExpressionAttributeNames: {
        '#state': 'state',
        '#version': 'version',
        '#children': 'childCount',
        '#members': 'memberCount',
      },
      ExpressionAttributeValues: { ':disabled': 'disabled', ':version': version, ':zero': 0 },
    },
  };
}
