/** Which of these (person, group) pairs are accepted memberships: BatchGets of their keys, 100 at a time, strongly consistent. */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.ts';
import { membershipKey } from './keys.ts';

const BATCH_GET_LIMIT = 100;

/** The pairs that are memberships, as `email|groupId`. Pending invitations are not memberships. */
export async function acceptedMemberships(table: TableRef, pairs: { email: string; groupId: string }[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < pairs.length; start += BATCH_GET_LIMIT) {
    let keys: Record<string, unknown>[] = pairs
      .slice(start, start + BATCH_GET_LIMIT)
      .map(({ email, groupId }) => membershipKey(email, groupId));
    while (keys.length > 0) {
      const { Responses, UnprocessedKeys } = await table.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [table.tableName]: {
              Keys: keys,
              ProjectionExpression: 'email, groupId, #status',
              ExpressionAttributeNames: { '#status': 'status' },
              ConsistentRead: true,
            },
          },
        }),
      );
      for (const item of Responses?.[table.tableName] ?? [])
        if (item.status !== 'pending') found.add(`${String(item.email)}|${String(item.groupId)}`);
      keys = UnprocessedKeys?.[table.tableName]?.Keys ?? [];
    }
  }
  return found;
}
