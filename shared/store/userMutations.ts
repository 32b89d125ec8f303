import { notFound } from '../domain/errors.ts';
import { revocationTime } from '../domain/sessions.ts';
import { auditEventPut } from './audit.ts';
import type { TableRef } from './client.ts';
import { userKey } from './keys.ts';
import { ConditionFailedError, writeTransaction } from './transactions.ts';

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
 * Ends every session of the user: tokens and refresh tokens issued up to now stop working at
 * the next uncached authorizer decision. Written with its audit event.
 */
export async function endSessions(
  table: TableRef,
  change: {
    email: string;
    actor: string;
    action: 'session.logout' | 'session.ended' | 'user.password_reset';
    requestId: string;
    /** Sessions issued up to this moment end (to the end of its second: see revocationTime). */
    now: Date;
  },
): Promise<void> {
  const validAfter = revocationTime(change.now);
  const at = change.now.toISOString();
  try {
    await writeTransaction(table, [
      {
        Update: {
          TableName: table.tableName,
          Key: userKey(change.email),
          UpdateExpression: 'SET sessionsValidAfter = :validAfter, updatedAt = :at, updatedBy = :actor ADD #version :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':validAfter': validAfter, ':at': at, ':actor': change.actor, ':one': 1 },
        },
      },
      auditEventPut(table.tableName, {
        actor: change.actor,
        action: change.action,
        targetType: 'session',
        targetId: change.email,
        after: { sessionsValidAfter: new Date(validAfter).toISOString() },
        at,
        requestId: change.requestId,
      }),
    ]);
  } catch (error) {
    // The user was deleted meanwhile.
    if (error instanceof ConditionFailedError) throw notFound(`User ${change.email} not found`);
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
