/**
 * Business sign-ups: the business name waiting for its owner's email confirmation (read by the
 * post-confirmation trigger), and a per-source-IP counter of sign-ups per clock hour.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SIGNUP_POLICY } from '../config/signup.ts';
import type { TableRef } from './client.ts';
import { pendingSignupKey, signupCounterKey, TTL_ATTRIBUTE } from './keys.ts';
import { PENDING_SIGNUP_ENTITY, SIGNUP_COUNTER_ENTITY } from './entities/signups.ts';

export async function putPendingSignup(table: TableRef, email: string, businessName: string, now: Date): Promise<void> {
  await table.doc.send(
    new PutCommand({
      TableName: table.tableName,
      Item: {
        ...pendingSignupKey(email),
        type: PENDING_SIGNUP_ENTITY.type,
        email,
        businessName,
        createdAt: now.toISOString(),
        [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + SIGNUP_POLICY.pendingHours * 3600,
      },
    }),
  );
}

/** The business name of a pending sign-up, unless it has expired (TTL deletion is lazy, so the time is checked too). */
export async function getPendingSignup(table: TableRef, email: string, now: Date): Promise<{ businessName: string } | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: pendingSignupKey(email), ConsistentRead: true }),
  );
  if (!Item || Number(Item[TTL_ATTRIBUTE] ?? 0) * 1000 <= now.getTime()) return undefined;
  return { businessName: String(Item.businessName) };
}

export async function deletePendingSignup(table: TableRef, email: string): Promise<void> {
  await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: pendingSignupKey(email) }));
}

/**
 * Counts a sign-up from this IP in the current clock hour. Returns the seconds until the window
 * ends when the limit is already reached (nothing is counted then), else undefined. The
 * conditional update means parallel requests cannot slip past the limit.
 */
export async function countSignup(table: TableRef, ip: string, now: Date): Promise<number | undefined> {
  const windowStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const windowEnd = windowStart.getTime() + 3_600_000;
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: signupCounterKey(ip, windowStart.toISOString()),
        UpdateExpression: 'ADD signups :one SET #type = :type, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(signups) OR signups < :limit',
        ExpressionAttributeNames: { '#type': 'type', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: {
          ':one': 1,
          ':type': SIGNUP_COUNTER_ENTITY.type,
          ':ttl': Math.ceil(windowEnd / 1000) + 3600,
          ':limit': SIGNUP_POLICY.perIpPerHour,
        },
      }),
    );
    return undefined;
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    return Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000));
  }
}
