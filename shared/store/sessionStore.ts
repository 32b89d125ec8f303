import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SESSION_SETTINGS } from '../config/sessions.ts';
import type { SessionMethod, SessionRecord } from '../domain/sessions.ts';
import type { TableRef } from './client.ts';
import { refreshTokenKey, SESSION_SK_PREFIX, sessionKey, sessionSk, TTL_ATTRIBUTE, userPartition } from './keys.ts';
import { decodePageToken, encodePageToken, sendQuery } from './pagination.ts';
import type { TransactItem } from './transactions.ts';
import { REFRESH_TOKEN_ENTITY, SESSION_ENTITY } from './entities/sessions.ts';

/**
 * What the service remembers of each refresh token it handed out: only its hash, whose it is,
 * when it was issued and the session it belongs to, so `/auth/refresh` refuses the refresh
 * tokens of an ended session (the emulator cannot revoke them all, and we do not rely on it on AWS either).
 */
export interface RefreshTokenRecord {
  email: string;
  /** Epoch milliseconds. */
  issuedAt: number;
  /** The sort key of its session item. */
  sessionSk?: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session lasts as long as the refresh tokens of its login. */
export const sessionExpiry = (authTime: number) => authTime + SESSION_SETTINGS.refreshTokenValidityDays * 86_400;

export async function rememberRefreshToken(table: TableRef, refreshToken: string, record: RefreshTokenRecord): Promise<void> {
  const expiresAt = Math.ceil(record.issuedAt / 1000) + SESSION_SETTINGS.refreshTokenValidityDays * 86_400;
  await table.doc.send(
    new PutCommand({
      TableName: table.tableName,
      Item: {
        ...refreshTokenKey(hashToken(refreshToken)),
        type: REFRESH_TOKEN_ENTITY.type,
        ...record,
        [TTL_ATTRIBUTE]: expiresAt,
      },
    }),
  );
}

export async function findRefreshToken(table: TableRef, refreshToken: string): Promise<RefreshTokenRecord | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: refreshTokenKey(hashToken(refreshToken)) }),
  );
  if (!Item || (typeof Item[TTL_ATTRIBUTE] === 'number' && Item[TTL_ATTRIBUTE] * 1000 < Date.now())) return undefined;
  return {
    email: String(Item.email),
    issuedAt: Number(Item.issuedAt),
    sessionSk: typeof Item.sessionSk === 'string' ? Item.sessionSk : undefined,
  };
}

export async function forgetRefreshToken(table: TableRef, refreshToken: string): Promise<void> {
  await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: refreshTokenKey(hashToken(refreshToken)) }));
}

/** The new session as a transaction item, written with its audit event. */
export function openSessionPut(tableName: string, session: SessionRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...sessionKey(session.email, session.authTime, session.sessionId),
        type: SESSION_ENTITY.type,
        ...session,
        [TTL_ATTRIBUTE]: session.expiresAt,
      },
    },
  };
}

export function toSessionRecord(item: Record<string, unknown>): SessionRecord {
  return {
    email: String(item.email),
    sessionId: String(item.sessionId),
    authTime: Number(item.authTime),
    openedAt: String(item.openedAt),
    lastRefreshedAt: String(item.lastRefreshedAt),
    method: item.method === 'password+totp' ? 'password+totp' : 'password',
    ...(typeof item.sourceIp === 'string' ? { sourceIp: item.sourceIp } : {}),
    ...(typeof item.userAgent === 'string' ? { userAgent: item.userAgent } : {}),
    expiresAt: Number(item[TTL_ATTRIBUTE] ?? item.expiresAt),
    profileCreatedAt: String(item.profileCreatedAt),
  };
}

export const isSessionItem = (item: Record<string, unknown>) => String(item.sk).startsWith(SESSION_SK_PREFIX);

export async function findSession(table: TableRef, email: string, sk: string): Promise<SessionRecord | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: { pk: userPartition(email), sk }, ConsistentRead: true }),
  );
  return Item ? toSessionRecord(Item) : undefined;
}

export const sessionSkOf = (session: Pick<SessionRecord, 'authTime' | 'sessionId'>) =>
  sessionSk(session.authTime, session.sessionId);

/** A refresh keeps the session; a session ended meanwhile is not brought back. */
export async function touchSession(table: TableRef, email: string, sk: string, at: string): Promise<void> {
  await table.doc
    .send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: userPartition(email), sk },
        UpdateExpression: 'SET lastRefreshedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** Records a stronger proof of the session's user (a TOTP code verified in it), in a transaction. */
export function sessionMethodUpdate(tableName: string, email: string, sk: string, method: SessionMethod): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: { pk: userPartition(email), sk },
      UpdateExpression: 'SET #method = :method',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#method': 'method' },
      ExpressionAttributeValues: { ':method': method },
    },
  };
}

/** The user's sessions, newest login first, a page at a time (expired ones, awaiting their TTL, left out). */
export async function listSessions(
  table: TableRef,
  email: string,
  page: { count: number; fromToken?: string; nowMs: number },
): Promise<{ sessions: SessionRecord[]; nextToken?: string }> {
  const { Items, LastEvaluatedKey } = await sendQuery(
    table,
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sessions)',
      FilterExpression: '#ttl > :now',
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: {
        ':pk': userPartition(email),
        ':sessions': SESSION_SK_PREFIX,
        ':now': Math.floor(page.nowMs / 1000),
      },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: page.count,
      ExclusiveStartKey: decodePageToken(page.fromToken),
    }),
  );
  return { sessions: (Items ?? []).map(toSessionRecord), nextToken: encodePageToken(LastEvaluatedKey) };
}

/** The sort keys of every session of the user (ended sessions are deleted items). */
export async function sessionSortKeys(table: TableRef, email: string, sessionId?: string): Promise<string[]> {
  const keys: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sessions)',
        ...(sessionId ? { FilterExpression: 'sessionId = :id' } : {}),
        ExpressionAttributeValues: {
          ':pk': userPartition(email),
          ':sessions': SESSION_SK_PREFIX,
          ...(sessionId ? { ':id': sessionId } : {}),
        },
        ProjectionExpression: 'sk',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    keys.push(...(page.Items ?? []).map((item) => String(item.sk)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return keys;
}

export function sessionDelete(tableName: string, email: string, sk: string): TransactItem {
  return { Delete: { TableName: tableName, Key: { pk: userPartition(email), sk } } };
}
