/**
 * Opens the session every token of a login belongs to: `/auth/login`, `/auth/challenge` and the
 * hosted-login callback. The session's id is the tokens' `origin_jti`, read from the verified
 * access token; the record is written with its `session.opened` audit event.
 */
import type { SessionMethod, SessionRecord } from '../domain/sessions.ts';
import type { TokenVerifier } from '../identity/tokenVerifier.ts';
import { SYSTEM_ACTOR } from '../events/auditEvent.ts';
import { auditEventPut } from '../store/audit.ts';
import type { TableRef } from '../store/client.ts';
import { userKey } from '../store/keys.ts';
import { openSessionPut, sessionExpiry, sessionSkOf } from '../store/sessionStore.ts';
import type { UserRecord } from '../store/storedRecords.ts';
import { writeTransaction, type TransactItem } from '../store/transactions.ts';
import { getUser } from '../store/userStore.ts';
import { nowOf } from './clock.ts';

export interface SessionOpening {
  user: UserRecord;
  accessToken: string;
  /** How the user proved who they are; undefined when the service cannot tell (the hosted login page). */
  method: SessionMethod | undefined;
  client: { sourceIp?: string; userAgent?: string };
  requestId: string;
}

/** Returns the session's sort key, which its refresh tokens are remembered with. */
export async function openSession(
  deps: { table: TableRef; verifier: TokenVerifier; now?: () => Date },
  opening: SessionOpening,
): Promise<string> {
  const claims = await deps.verifier.verify(opening.accessToken);
  if (!claims.sessionId || claims.authTime === undefined)
    throw new Error('The identity provider issued tokens without origin_jti');
  const at = nowOf(deps).toISOString();
  const { email } = opening.user;
  const session: SessionRecord = {
    email,
    sessionId: claims.sessionId,
    authTime: claims.authTime,
    openedAt: at,
    lastRefreshedAt: at,
    method: opening.method ?? 'password',
    ...(opening.client.sourceIp ? { sourceIp: opening.client.sourceIp } : {}),
    ...(opening.client.userAgent ? { userAgent: opening.client.userAgent } : {}),
    expiresAt: sessionExpiry(claims.authTime),
    profileCreatedAt: opening.user.createdAt,
  };
  const items: TransactItem[] = [
    openSessionPut(deps.table.tableName, session),
    auditEventPut(deps.table.tableName, {
      actor: email,
      action: 'session.opened',
      targetType: 'session',
      targetId: email,
      after: {
        sessionId: session.sessionId,
        method: session.method,
        ...(session.sourceIp ? { sourceIp: session.sourceIp } : {}),
        ...(session.userAgent ? { userAgent: session.userAgent } : {}),
      },
      at,
      requestId: opening.requestId,
    }),
  ];
  // The service's record of the user's MFA follows Cognito's: a login without a TOTP challenge means Cognito has none.
  const mfaEnabled = opening.method === 'password+totp';
  if (opening.method !== undefined && (opening.user.mfaEnabled === true) !== mfaEnabled) {
    items.push(
      {
        Update: {
          TableName: deps.table.tableName,
          Key: userKey(email),
          UpdateExpression: 'SET mfaEnabled = :mfa ADD #version :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':mfa': mfaEnabled, ':one': 1 },
        },
      },
      // Nobody asked the service: the login showed what Cognito holds, so the system records it.
      auditEventPut(deps.table.tableName, {
        actor: SYSTEM_ACTOR,
        action: mfaEnabled ? 'user.mfa_enabled' : 'user.mfa_disabled',
        targetType: 'user',
        targetId: email,
        before: { mfaEnabled: opening.user.mfaEnabled === true },
        after: { mfaEnabled },
        at,
        requestId: opening.requestId,
        groupId: opening.user.defaultGroup,
      }),
    );
  }
  await writeTransaction(deps.table, items);
  return sessionSkOf(session);
}

/**
 * The hosted login page's tokens: their session is opened at the callback. The page may have
 * asked for a TOTP code or not, which the service cannot tell, so the session counts as
 * password-only. An unknown or disabled user gets no session: their token is refused.
 */
export async function openHostedLoginSession(
  deps: { table: TableRef; verifier: TokenVerifier; now?: () => Date },
  accessToken: string,
  client: SessionOpening['client'],
  requestId: string,
): Promise<void> {
  const { email } = await deps.verifier.verify(accessToken);
  const user = await getUser(deps.table, email);
  if (!user || user.state === 'disabled') return;
  await openSession(deps, { user, accessToken, method: undefined, client, requestId });
}
