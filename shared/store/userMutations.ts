import { notFound } from '../domain/errors.ts';
import { auditEventPut } from './audit.ts';
import type { TableRef } from './client.ts';
import { userKey } from './keys.ts';
import { sessionDelete, sessionSortKeys } from './sessionStore.ts';
import { ConditionFailedError, MAX_TRANSACTION_ITEMS, writeTransaction } from './transactions.ts';

/**
 * `invited` becomes `active` at the first successful login; a no-op when another request got there first.
 * Both writes here go through the one transaction sender, which retries a conflicting transaction.
 */
export async function activateInvitedUser(
  table: TableRef,
  email: string,
  requestId: string,
  now = new Date(),
  /** The first login answered a temporary password the service generated and emailed: the address is proved. */
  proved = false,
): Promise<void> {
  const at = now.toISOString();
  try {
    await writeTransaction(table, [
      {
        Update: {
          TableName: table.tableName,
          Key: userKey(email),
          UpdateExpression: `SET #state = :active, updatedAt = :at, updatedBy = :email${proved ? ', emailVerifiedAt = :at' : ''} REMOVE passwordSentToEmail ADD #version :one`,
          ConditionExpression: '#state = :invited',
          ExpressionAttributeNames: { '#state': 'state', '#version': 'version' },
          ExpressionAttributeValues: { ':active': 'active', ':invited': 'invited', ':at': at, ':email': email, ':one': 1 },
        },
      },
      auditEventPut(table.tableName, {
        actor: email,
        action: 'user.activated',
        targetType: 'user',
        targetId: email,
        before: { state: 'invited' },
        after: { state: 'active' },
        at,
        requestId,
      }),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
}

/**
 * Ends every session of the user (but `keep`, a session's sort key): their session items are
 * deleted, so their tokens fail at the next uncached authorizer decision and their refresh tokens
 * are refused. Written with its audit event; a user with more sessions than one transaction holds
 * has the rest deleted in further transactions.
 */
export async function endSessions(
  table: TableRef,
  change: {
    email: string;
    actor: string;
    action: 'session.logout' | 'session.ended' | 'user.password_reset';
    requestId: string;
    now: Date;
    keep?: string;
    /** Write nothing, not even the audit event, when there is no session to end. */
    onlyIfAny?: boolean;
  },
): Promise<void> {
  const ended = (await sessionSortKeys(table, change.email)).filter((sk) => sk !== change.keep);
  if (ended.length === 0 && change.onlyIfAny) return;
  const at = change.now.toISOString();
  const first = ended.slice(0, MAX_TRANSACTION_ITEMS - 2);
  try {
    await writeTransaction(table, [
      {
        Update: {
          TableName: table.tableName,
          Key: userKey(change.email),
          UpdateExpression: 'SET updatedAt = :at, updatedBy = :actor ADD #version :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':at': at, ':actor': change.actor, ':one': 1 },
        },
      },
      auditEventPut(table.tableName, {
        actor: change.actor,
        action: change.action,
        targetType: 'session',
        targetId: change.email,
        after: { sessionsEnded: ended.length },
        at,
        requestId: change.requestId,
      }),
      ...first.map((sk) => sessionDelete(table.tableName, change.email, sk)),
    ]);
  } catch (error) {
    // The user was deleted meanwhile.
    if (error instanceof ConditionFailedError) throw notFound(`User ${change.email} not found`);
    throw error;
  }
  for (let start = first.length; start < ended.length; start += MAX_TRANSACTION_ITEMS) {
    const chunk = ended.slice(start, start + MAX_TRANSACTION_ITEMS);
    await writeTransaction(
      table,
      chunk.map((sk) => sessionDelete(table.tableName, change.email, sk)),
    );
  }
}

/** Ends one session, with its audit event; not found when it has already ended (or never was). */
export async function endOneSession(
  table: TableRef,
  change: { email: string; sessionId: string; actor: string; requestId: string; now: Date },
): Promise<void> {
  const [sk] = await sessionSortKeys(table, change.email, change.sessionId);
  const gone = () => notFound(`Session ${change.sessionId} not found`);
  if (!sk) throw gone();
  const at = change.now.toISOString();
  try {
    await writeTransaction(table, [
      { Delete: { ...sessionDelete(table.tableName, change.email, sk).Delete!, ConditionExpression: 'attribute_exists(pk)' } },
      auditEventPut(table.tableName, {
        actor: change.actor,
        action: 'session.ended',
        targetType: 'session',
        targetId: change.email,
        after: { sessionId: change.sessionId },
        at,
        requestId: change.requestId,
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError) throw gone();
    throw error;
  }
}

/**
 * The owner answered something sent to the address (a reset code): from now on it is theirs, and
 * grants waiting for that proof can be accepted. A no-op for a user without a profile.
 */
export async function recordEmailProof(table: TableRef, email: string, change: { requestId: string; now: Date }): Promise<void> {
  const at = change.now.toISOString();
  try {
    await writeTransaction(table, [
      {
        Update: {
          TableName: table.tableName,
          Key: userKey(email),
          UpdateExpression: 'SET emailVerifiedAt = :at REMOVE passwordSentToEmail ADD #version :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':at': at, ':one': 1 },
        },
      },
      auditEventPut(table.tableName, {
        actor: email,
        action: 'user.email_proved',
        targetType: 'user',
        targetId: email,
        after: { emailVerifiedAt: at },
        at,
        requestId: change.requestId,
      }),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
}
