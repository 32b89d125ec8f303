/**
 * Custom role definitions. A role defined at a group is usable in its subtree; each definition
 * counts the memberships that use it (kept in the granting and revoking transactions), so a role
 * in use cannot be deleted.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { selfAndAncestors } from '../domain/groupPath.ts';
import type { CustomRoleDefinition } from '../domain/access/permissions.ts';
import type { TableRef } from './client.ts';
import { roleKey, rolePartition } from './keys.ts';
import type { TransactItem } from './transactions.ts';
import { CUSTOM_ROLE_ENTITY } from './entities/roles.ts';

export interface StoredRole extends CustomRoleDefinition {
  description?: string;
  useCount: number;
  createdBy: string;
  createdAt: string;
  updatedBy?: string;
  updatedAt?: string;
}

export const toRole = (item: Record<string, unknown>): StoredRole => ({
  name: String(item.sk),
  actions: (item.actions as string[]) ?? [],
  definedAt: String(item.definedAt),
  ...(item.description ? { description: String(item.description) } : {}),
  useCount: Number(item.useCount ?? 0),
  createdBy: String(item.createdBy),
  createdAt: String(item.createdAt),
  ...(item.updatedBy ? { updatedBy: String(item.updatedBy), updatedAt: String(item.updatedAt) } : {}),
});

/** The definition of `name` usable at `groupId`: the nearest one at the group or above it. One BatchGet. */
export async function findUsableRole(table: TableRef, groupId: string, name: string): Promise<StoredRole | undefined> {
  const chain = selfAndAncestors(groupId);
  const { Responses } = await table.doc.send(
    new BatchGetCommand({
      RequestItems: { [table.tableName]: { Keys: chain.map((id) => roleKey(id, name)), ConsistentRead: true } },
    }),
  );
  const found = new Map((Responses?.[table.tableName] ?? []).map((item) => [String(item.definedAt), toRole(item)]));
  for (const id of chain) if (found.has(id)) return found.get(id);
  return undefined;
}

/** Roles defined at exactly this group. */
export async function queryRolesDefinedAt(table: TableRef, groupId: string): Promise<StoredRole[]> {
  const { Items } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': rolePartition(groupId) },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map(toRole);
}

export function putNewRole(tableName: string, role: Omit<StoredRole, 'useCount'>): TransactItem {
  const { name, ...rest } = role;
  return {
    Put: {
      TableName: tableName,
      Item: { ...roleKey(role.definedAt, name), type: CUSTOM_ROLE_ENTITY.type, ...rest, useCount: 0 },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function updateRole(tableName: string, role: StoredRole): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: roleKey(role.definedAt, role.name),
      UpdateExpression: 'SET actions = :actions, description = :description, updatedBy = :by, updatedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: {
        ':actions': role.actions,
        ':description': role.description ?? null,
        ':by': role.updatedBy,
        ':at': role.updatedAt,
      },
    },
  };
}

export function deleteUnusedRole(tableName: string, definedAt: string, name: string): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: roleKey(definedAt, name),
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(useCount) OR useCount = :zero)',
      ExpressionAttributeValues: { ':zero': 0 },
    },
  };
}

/** Counts a membership starting (+1) or stopping (-1) to use a role; the role must still exist. */
export function countRoleUse(tableName: string, definedAt: string, name: string, delta: number): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: roleKey(definedAt, name),
      UpdateExpression: 'ADD useCount :delta',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/** Definitions looked up for access decisions, cached briefly in the function (they change rarely). */
const CACHE_MS = 30_000;
const cache = new Map<string, { role: StoredRole | undefined; until: number }>();

export async function cachedUsableRole(
  table: TableRef,
  groupId: string,
  name: string,
  now = Date.now(),
): Promise<StoredRole | undefined> {
  const key = `${groupId}|${name}`;
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.role;
  const role = await findUsableRole(table, groupId, name);
  cache.set(key, { role, until: now + CACHE_MS });
  return role;
}
