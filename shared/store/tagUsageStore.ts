/**
 * Per-group counts of the tag values in use in each group's subtree (see keys.ts), kept in
 * the same transaction as the change that adds or removes a tag.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { selfAndAncestors } from '../domain/groupPath.ts';
import { tagUsageChanges, type Tags } from '../domain/tags.ts';
import type { TableRef } from './client.ts';
import { TAG_SEPARATOR, tagUsageKey, tagUsagePartition } from './keys.ts';
import type { TransactItem } from './transactions.ts';
import { sendQuery } from './pagination.ts';

export type TaggedResourceType = 'group' | 'user';

/** Counter updates for a resource at `groupId` whose tags change from `before` to `after`: one per affected value level per ancestor. */
export function tagUsageUpdates(tableName: string, resourceType: TaggedResourceType, groupId: string, before: Tags, after: Tags): TransactItem[] {
  const changes = tagUsageChanges(before, after);
  return selfAndAncestors(groupId).flatMap((scope) =>
    changes.map((change) => ({
      Update: {
        TableName: tableName,
        Key: tagUsageKey(resourceType, scope, change.key, change.parent, change.value),
        UpdateExpression: 'ADD #count :delta SET #type = :type, #value = :value',
        ExpressionAttributeNames: { '#count': 'count', '#type': 'type', '#value': 'value' },
        ExpressionAttributeValues: { ':delta': change.delta, ':type': 'tagUsage', ':value': change.value },
      },
    })),
  );
}

export interface TagValuePage {
  values: string[];
  lastValue?: string;
}

/** Tag values in use within `groupId`'s subtree, one hierarchy level at a time, in value order. */
export async function queryTagValues(
  table: TableRef,
  request: { resourceType: TaggedResourceType; groupId: string; key: string; parentValue: string; limit: number; fromValue?: string },
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
      ExpressionAttributeValues: { ':pk': tagUsagePartition(request.resourceType, request.groupId, request.key), ':prefix': prefix, ':zero': 0 },
      Limit: request.limit,
      ...(request.fromValue !== undefined
        ? { ExclusiveStartKey: tagUsageKey(request.resourceType, request.groupId, request.key, request.parentValue, request.fromValue) }
        : {}),
    }),
  );
  const values = (result.Items ?? []).map((item) => String(item.value));
  const lastSk = result.LastEvaluatedKey?.sk as string | undefined;
  return { values, lastValue: lastSk?.slice(prefix.length) };
}
