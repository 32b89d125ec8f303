/**
 * The local outbox: in local mode, messages Cognito would email (invitations, codes) are
 * also kept here, newest first, for developers and tests to read at `GET /dev/outbox`.
 * Never used on AWS, where Cognito delivers them.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.ts';
import { OUTBOX_PARTITION, outboxKey, TTL_ATTRIBUTE } from './keys.ts';
import { OUTBOX_MESSAGE_ENTITY } from './entities/outbox.ts';

export interface OutboxMessage {
  to: string;
  kind: 'invitation' | 'code';
  subject: string;
  body: string;
  at: string;
}

const KEEP_SECONDS = 7 * 86_400;

export async function recordOutboxMessage(table: TableRef, message: Omit<OutboxMessage, 'at'>): Promise<void> {
  const at = new Date().toISOString();
  await table.doc.send(
    new PutCommand({
      TableName: table.tableName,
      Item: {
        ...outboxKey(at, randomUUID()),
        type: OUTBOX_MESSAGE_ENTITY.type,
        ...message,
        at,
        [TTL_ATTRIBUTE]: Math.floor(Date.now() / 1000) + KEEP_SECONDS,
      },
    }),
  );
}

/**
 * The newest `limit` messages, to one address when `to` is given. DynamoDB applies `Limit` before
 * the filter, so a filtered read pages on until it has `limit` matches or the outbox ends
 * (local only: the whole outbox is at most a week of a developer's or a test run's messages).
 */
export async function readOutbox(table: TableRef, limit = 50, to?: string): Promise<OutboxMessage[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const { Items, LastEvaluatedKey } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION, ...(to ? { ':to': to } : {}) },
        ...(to ? { FilterExpression: '#to = :to', ExpressionAttributeNames: { '#to': 'to' } } : {}),
        ScanIndexForward: false,
        Limit: to ? Math.max(limit, 200) : limit,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(Items ?? []));
    startKey = to ? LastEvaluatedKey : undefined;
  } while (startKey && items.length < limit);
  return items
    .slice(0, limit)
    .map((item) => ({ to: item.to, kind: item.kind, subject: item.subject, body: item.body, at: item.at }) as OutboxMessage);
}
