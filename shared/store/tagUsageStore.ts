/**
 * Per-group counts of the tag values in use in each group's subtree (see keys.ts), kept in
 * the same transaction as the change that adds or removes a tag.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { selfAndAncestors } from '../domain/groupPath.ts';
import { tagLevels, type Tags } from '../domain/tags.ts';
import type { TableRef } from './client.ts';
import { TAG_SEPARATOR, tagUsageKey, tagUsagePartition } from './keys.ts';
import type { TransactItem } from './transactions.ts';
import { sendQuery } from './pagination.ts';
import { TAG_USAGE_ENTITY } from './entities/tags.ts';

export type TaggedResourceType = 'group' | 'user';

/** Where a resource's tags are counted: groups whose subtree holds it. */
export interface TagPlacement {
  scopes: string[];
  tags: Tags;
}

/** The groups counting a group's tags: itself and its ancestors. */
export const groupScopes = (groupId: string) => selfAndAncestors(groupId);

/** The groups counting a user's tags: every group on the path to each of their (active) memberships, once. */
export const userScopes = (membershipGroups: string[]) => [
  ...new Set(membershipGroups.flatMap((groupId) => selfAndAncestors(groupId))),
];

/**
 * Counter updates for a resource moving from some placements to others (its tags changed, it
 * gained or lost memberships or invitations, it was created or deleted): for each (scope, tag value
 * level), the change in how many of its placements count there. Each placement counts a level at a
 * scope at most once; a user's profile and each of their invitations are placements of their own,
 * and one update per counter keeps the transaction touching each item once.
 */
export function tagUsageUpdates(
  tableName: string,
  resourceType: TaggedResourceType,
  before: TagPlacement[],
  after: TagPlacement[],
): TransactItem[] {
  const counts = new Map<string, number>();
  const count = (placements: TagPlacement[], sign: number) => {
    for (const placement of placements)
      for (const scope of new Set(placement.scopes))
        for (const level of tagLevels(placement.tags)) {
          const id = `${scope}\u0000${level.key}\u0000${level.parent}\u0000${level.value}`;
          counts.set(id, (counts.get(id) ?? 0) + sign);
        }
  };
  count(after, 1);
  count(before, -1);
  const deltas = [...counts].filter(([, delta]) => delta !== 0);
  return deltas.map(([id, delta]) => {
    const [scope, key, parent, value] = id.split('\u0000') as [string, string, string, string];
    return {
      Update: {
        TableName: tableName,
        Key: tagUsageKey(resourceType, scope, key, parent, value),
        UpdateExpression: 'ADD #count :delta SET #type = :type, #value = :value',
        ExpressionAttributeNames: { '#count': 'count', '#type': 'type', '#value': 'value' },
        ExpressionAttributeValues: { ':delta': delta, ':type': TAG_USAGE_ENTITY.type, ':value': value },
      },
    };
  });
}

export interface TagValuePage {
  values: string[];
  lastValue?: string;
}

/** Tag values in use within `groupId`'s subtree, one hierarchy level at a time, in value order. */
export async function queryTagValues(
  table: TableRef,
  request: {
    resourceType: TaggedResourceType;
    groupId: string;
    key: string;
    parentValue: string;
    limit: number;
    fromValue?: string;
  },
): Promise<TagValuePage> {
  const prefix = `${request.parentValue}${TAG_SEPARATOR}`;
  const result = await sendQuery(
    table,
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      // Counters that fell to zero stay behind (a transaction cannot delete on a computed value); skip them.
      FilterExpression: '#count > :zero',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: {
        ':pk': tagUsagePartition(request.resourceType, request.groupId, request.key),
        ':prefix': prefix,
        ':zero': 0,
      },
      Limit: request.limit,
      ...(request.fromValue !== undefined
        ? {
            ExclusiveStartKey: tagUsageKey(
              request.resourceType,
              request.groupId,
              request.key,
              request.parentValue,
              request.fromValue,
            ),
          }
        : {}),
    }),
  );
  const values = (result.Items ?? []).map((item) => String(item.value));
  const lastSk = result.LastEvaluatedKey?.sk as string | undefined;
  return { values, lastValue: lastSk?.slice(prefix.length) };
}
