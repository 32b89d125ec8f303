/**
 * TOTP enrolment. Cognito keeps the secret and checks codes; the service records that the user
 * has MFA, which groups requiring MFA check (see services/access/routeGuard.ts).
 */
import type { Caller } from '../domain/caller.ts';
import { invalid, isDomainError } from '../domain/errors.ts';
import { auditEventPut } from '../store/audit.ts';
import { userKey } from '../store/keys.ts';
import { writeTransaction } from '../store/transactions.ts';
import type { AuthDependencies } from './authService.ts';
import { timestampOf } from './clock.ts';

const ISSUER = 'SME IAM';

/** Cognito's software-token calls need the access token itself: an ID token cannot enrol MFA. */
async function withAccessToken<T>(caller: Caller, call: () => Promise<T>): Promise<T> {
  if (caller.tokenUse !== 'access') throw invalid('Send your access token (not the ID token) to enrol MFA');
  try {
    return await call();
  } catch (error) {
    if (isDomainError(error, 'unauthorized')) throw invalid('Send your access token (not the ID token), and a current code');
    throw error;
  }
}

export async function setUpTotp(
  deps: AuthDependencies,
  caller: Caller,
  accessToken: string,
): Promise<{ secret: string; otpauthUri: string }> {
  const secret = await withAccessToken(caller, () => deps.identity.associateTotp(accessToken));
  const label = encodeURIComponent(`${ISSUER}:${caller.email}`);
  return { secret, otpauthUri: `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}` };
}

export async function verifyTotp(
  deps: AuthDependencies,
  caller: Caller,
  accessToken: string,
  code: string,
  requestId: string,
): Promise<void> {
  await withAccessToken(caller, () => deps.identity.verifyTotp(accessToken, code));
  const at = timestampOf(deps);
  await writeTransaction(deps.table, [
    {
      Update: {
        TableName: deps.table.tableName,
        Key: userKey(caller.email),
        UpdateExpression: 'SET mfaEnabled = :yes, updatedAt = :at, updatedBy = :email ADD #version :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':yes': true, ':at': at, ':email': caller.email, ':one': 1 },
      },
    },
    auditEventPut(deps.table.tableName, {
      actor: caller.email,
      action: 'user.mfa_enabled',
      targetType: 'user',
      targetId: caller.email,
      after: { mfa: 'totp' },
      at,
      requestId,
    }),
  ]);
}
