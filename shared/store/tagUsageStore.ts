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
 * Counter updates for a resource moving from one placement to another (its tags changed, it
 * gained or lost memberships, it was created or deleted): +1 or -1 for each (scope, tag value
 * level) that starts or stops counting it.
 */
export function tagUsageUpdates(
  tableName: string,
  resourceType: TaggedResourceType,
  before: TagPlacement,
  after: TagPlacement,
): TransactItem[] {
  const counted = (placement: TagPlacement) =>
    new Set(
      placement.scopes.flatMap((scope) =>
        tagLevels(placement.tags).map((level) => `${scope}\u0000${level.key}\u0000${level.parent}\u0000${level.value}`),
      ),
    );
  const was = counted(before);
  const is = counted(after);
  const deltas = [
    ...[...is].filter((id) => !was.has(id)).map((id) => [id, 1] as const),
    ...[...was].filter((id) => !is.has(id)).map((id) => [id, -1] as const),
  ];
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
