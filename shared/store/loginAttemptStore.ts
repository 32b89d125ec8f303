/**
 * Brute-force protection and login history. Failures are counted per account and per source
 * IP with conditional updates, so parallel guesses cannot slip past the threshold; a lockout
 * and its audit event are written together.
 */
import { randomUUID } from 'node:crypto';
import { BatchGetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCKOUT_POLICY } from '../config/lockout.ts';
import { SYSTEM_ACTOR } from '../events/auditEvent.ts';
import { auditEventPut } from './audit.ts';
import type { TableRef } from './client.ts';
import { knownSourceKey, lockoutKey, loginHistoryKey, loginHistoryPartition, TTL_ATTRIBUTE } from './keys.ts';
import { decodePageToken, encodePageToken, sendQuery } from './pagination.ts';
import { writeTransaction } from './transactions.ts';
import { KNOWN_SOURCE_ENTITY, LOCKOUT_ENTITY, LOGIN_ATTEMPT_ENTITY } from './entities/logins.ts';

export type LockScope = 'account' | 'ip';

export interface Lock {
  scope: LockScope;
  /** Epoch ms. */
  lockedUntil: number;
}

/**
 * Where a login comes from, as far as lockouts are concerned: its source IP, and whether the
 * account's owner logged in successfully from it in the last `knownSourceDays`. An account's
 * failures from a known source count apart from all other failures, so an attacker elsewhere
 * cannot lock the owner out of the place they log in from.
 */
export interface LoginSource {
  ip: string | undefined;
  known: boolean;
}

const accountSubject = (email: string, source: LoginSource) => (source.known && source.ip ? `${email}#${source.ip}` : email);

/** The active lock on this account (for this kind of source) or this IP, whichever ends last; and what the source is. */
export async function activeLock(
  table: TableRef,
  email: string,
  ip: string | undefined,
  now: number,
): Promise<{ lock: Lock | undefined; source: LoginSource }> {
  const keys = [
    lockoutKey('account', email),
    ...(ip ? [lockoutKey('account', `${email}#${ip}`), lockoutKey('ip', ip), knownSourceKey(email, ip)] : []),
  ];
  const { Responses } = await table.doc.send(
    new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: keys, ConsistentRead: true } } }),
  );
  const items = new Map((Responses?.[table.tableName] ?? []).map((item) => [String(item.pk), item]));
  const knownItem = ip ? items.get(knownSourceKey(email, ip).pk) : undefined;
  const source: LoginSource = {
    ip,
    known: Number(knownItem?.lastSuccessAt ?? 0) > now - LOCKOUT_POLICY.knownSourceDays * 86_400_000,
  };
  const relevant = [lockoutKey('account', accountSubject(email, source)).pk, ...(ip ? [lockoutKey('ip', ip).pk] : [])];
  const locks = relevant
    .map((pk) => items.get(pk))
    .filter((item) => item !== undefined && Number(item.lockedUntil ?? 0) > now)
    .map(
      (item) =>
        ({
          scope: String(item!.pk).startsWith('LOCKOUT#ip#') ? 'ip' : 'account',
          lockedUntil: Number(item!.lockedUntil),
        }) as Lock,
    );
  return { lock: locks.sort((a, b) => b.lockedUntil - a.lockedUntil)[0], source };
}

/**
 * Counts a failed login against the account (for this kind of source) and the IP; at the
 * threshold, locks for the lock time doubled for every earlier lockout still remembered.
 * Returns the lock it set, if any.
 */
export async function recordFailure(
  table: TableRef,
  email: string,
  source: LoginSource,
  now: number,
  requestId: string,
): Promise<Lock | undefined> {
  const account = await countFailure(
    table,
    'account',
    accountSubject(email, source),
    LOCKOUT_POLICY.accountFailures,
    now,
    requestId,
  );
  const byIp = source.ip ? await countFailure(table, 'ip', source.ip, LOCKOUT_POLICY.ipFailures, now, requestId) : undefined;
  return account ?? byIp;
}

/** A successful login makes its source known to the account for `knownSourceDays`. */
export async function rememberKnownSource(table: TableRef, email: string, ip: string | undefined, now: number): Promise<void> {
  if (!ip) return;
  await table.doc.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: knownSourceKey(email, ip),
      UpdateExpression: 'SET #type = :type, lastSuccessAt = :now, #ttl = :ttl',
      ExpressionAttributeNames: { '#type': 'type', '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: {
        ':type': KNOWN_SOURCE_ENTITY.type,
        ':now': now,
        ':ttl': Math.floor(now / 1000) + LOCKOUT_POLICY.knownSourceDays * 86_400,
      },
    }),
  );
}

async function countFailure(
  table: TableRef,
  scope: LockScope,
  subject: string,
  threshold: number,
  now: number,
  requestId: string,
): Promise<Lock | undefined> {
  const expiresAt = Math.floor(now / 1000) + LOCKOUT_POLICY.memoryHours * 3600;
  const { Attributes } = await table.doc.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: lockoutKey(scope, subject),
      UpdateExpression: 'ADD failures :one SET #type = :type, #ttl = :ttl',
      ExpressionAttributeNames: { '#type': 'type', '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':one': 1, ':type': LOCKOUT_ENTITY.type, ':ttl': expiresAt },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const failures = Number(Attributes?.failures ?? 0);
  if (failures < threshold) return undefined;
  const lockouts = Number(Attributes?.lockouts ?? 0);
  const minutes = Math.min(LOCKOUT_POLICY.lockMinutes * 2 ** lockouts, LOCKOUT_POLICY.maxLockMinutes);
  const lockedUntil = now + minutes * 60_000;
  try {
    await writeTransaction(table, [
      {
        Update: {
          TableName: table.tableName,
          Key: lockoutKey(scope, subject),
          // Only the request that reached the threshold locks; the count starts again.
          UpdateExpression: 'SET failures = :zero, lockedUntil = :until, #ttl = :ttl ADD lockouts :one',
          ConditionExpression: 'failures >= :threshold',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':zero': 0,
            ':until': lockedUntil,
            ':one': 1,
            ':threshold': threshold,
            ':ttl': Math.max(expiresAt, Math.ceil(lockedUntil / 1000)),
          },
        },
      },
      auditEventPut(table.tableName, {
        actor: SYSTEM_ACTOR,
        action: 'login.locked',
        targetType: 'session',
        targetId: `${scope}:${subject}`,
        after: { lockedUntil: new Date(lockedUntil).toISOString(), minutes, failures },
        at: new Date(now).toISOString(),
        requestId,
      }),
    ]);
  } catch (error) {
    if ((error as Error).name === 'ConditionFailedError') return undefined;
    throw error;
  }
  return { scope, lockedUntil };
}

/** A successful login ends the run of failures on the account from its kind of source (earlier lockouts still double the next one). */
export async function clearFailures(table: TableRef, email: string, source: LoginSource): Promise<void> {
  await table.doc
    .send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: lockoutKey('account', accountSubject(email, source)),
        UpdateExpression: 'SET failures = :zero',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

export type LoginOutcome = 'success' | 'failure' | 'locked' | 'challenge' | 'mfa_challenge' | 'refused';

export interface LoginAttempt {
  at: string;
  outcome: LoginOutcome;
  sourceIp?: string;
  userAgent?: string;
}

/** Where a failed attempt is audited: the account's own group, so its business sees it. */
export interface FailureAudit {
  groupId: string;
  requestId: string;
}

/** Records an attempt in the account's history; a failure also writes its `login.failed` audit event, in one transaction. */
export async function recordLoginAttempt(
  table: TableRef,
  email: string,
  attempt: LoginAttempt,
  failure?: FailureAudit,
): Promise<void> {
  const history = {
    TableName: table.tableName,
    Key: loginHistoryKey(email, attempt.at, randomUUID()),
    UpdateExpression: 'SET #type = :type, outcome = :outcome, #at = :at, sourceIp = :ip, userAgent = :ua, #ttl = :ttl',
    ExpressionAttributeNames: { '#type': 'type', '#at': 'at', '#ttl': TTL_ATTRIBUTE },
    ExpressionAttributeValues: {
      ':type': LOGIN_ATTEMPT_ENTITY.type,
      ':outcome': attempt.outcome,
      ':at': attempt.at,
      ':ip': attempt.sourceIp ?? null,
      ':ua': attempt.userAgent ?? null,
      ':ttl': Math.floor(Date.parse(attempt.at) / 1000) + LOCKOUT_POLICY.historyDays * 86_400,
    },
  };
  if (attempt.outcome !== 'failure' || !failure) {
    await table.doc.send(new UpdateCommand(history));
    return;
  }
  await writeTransaction(table, [
    { Update: history },
    auditEventPut(table.tableName, {
      actor: SYSTEM_ACTOR,
      action: 'login.failed',
      targetType: 'user',
      targetId: email,
      after: { outcome: 'failure' },
      at: attempt.at,
      requestId: failure.requestId,
      groupId: failure.groupId,
    }),
  ]);
}

/** Newest first, a page at a time. */
export async function queryLoginHistory(
  table: TableRef,
  email: string,
  count: number,
  fromToken?: string,
): Promise<{ attempts: LoginAttempt[]; nextToken?: string }> {
  const { Items, LastEvaluatedKey } = await sendQuery(
    table,
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': loginHistoryPartition(email) },
      ScanIndexForward: false,
      Limit: count,
      ExclusiveStartKey: decodePageToken(fromToken),
    }),
  );
  return {
    attempts: (Items ?? []).map((item) => ({
      at: item.at,
      outcome: item.outcome,
      sourceIp: item.sourceIp ?? undefined,
      userAgent: item.userAgent ?? undefined,
    })),
    nextToken: encodePageToken(LastEvaluatedKey),
  };
}
