import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SESSION_SETTINGS } from '../config/sessions.ts';
import type { TableRef } from './client.ts';
import { refreshTokenKey, TTL_ATTRIBUTE } from './keys.ts';

/**
 * What the service remembers of each refresh token it handed out: only its hash, whose it is
 * and when it was issued, so `/auth/refresh` can refuse tokens issued before a user's sessions
 * were revoked (the emulator cannot revoke them all, and we do not rely on it on AWS either).
 */
export interface RefreshTokenRecord {
  email: string;
  /** Epoch milliseconds. */
  issuedAt: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function rememberRefreshToken(table: TableRef, refreshToken: string, record: RefreshTokenRecord): Promise<void> {
  const expiresAt = Math.ceil(record.issuedAt / 1000) + SESSION_SETTINGS.refreshTokenValidityDays * 86_400;
  await table.doc.send(
    new PutCommand({
      TableName: table.tableName,
      Item: { ...refreshTokenKey(hashToken(refreshToken)), type: 'refreshToken', ...record, [TTL_ATTRIBUTE]: expiresAt },
    }),
  );
}

export async function findRefreshToken(table: TableRef, refreshToken: string): Promise<RefreshTokenRecord | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: refreshTokenKey(hashToken(refreshToken)) }),
  );
  if (!Item || (typeof Item[TTL_ATTRIBUTE] === 'number' && Item[TTL_ATTRIBUTE] * 1000 < Date.now())) return undefined;
  return { email: String(Item.email), issuedAt: Number(Item.issuedAt) };
}

export async function forgetRefreshToken(table: TableRef, refreshToken: string): Promise<void> {
  await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: refreshTokenKey(hashToken(refreshToken)) }));
}
