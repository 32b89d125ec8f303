/**
 * TOTP enrolment. Cognito keeps the secret and checks codes; the service records that the user
 * has MFA. Groups requiring MFA judge the caller's session (how it was authenticated), and a
 * code verified here counts for the session it was verified in.
 */
import type { Caller } from '../domain/caller.ts';
import { invalid, isDomainError } from '../domain/errors.ts';
import { auditEventPut } from '../store/audit.ts';
import { userKey } from '../store/keys.ts';
import { sessionMethodUpdate, sessionSkOf } from '../store/sessionStore.ts';
import { getUser } from '../store/userStore.ts';
import { ConditionFailedError, writeTransaction } from '../store/transactions.ts';
import { unauthorized } from '../domain/errors.ts';
import type { AuthDependencies } from './authService.ts';
import { timestampOf } from './clock.ts';
import { freshSessionOf, liveSessionOf } from './freshProof.ts';

/**
 * Replacing an enrolled authenticator needs a session authenticated in the last five minutes.
 * Cognito offers no call that checks an enrolled TOTP code outside a login, so logging in again
 * (with the current code) is that proof.
 */
async function sessionAllowedToEnrol(deps: AuthDependencies, caller: Caller) {
  const user = await getUser(deps.table, caller.email);
  return user?.mfaEnabled === true
    ? freshSessionOf(deps, caller, 'an authenticator is already enrolled; log in with its code')
    : liveSessionOf(deps, caller);
}

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
  if (caller.tokenUse !== 'access') throw invalid('Send your access token (not the ID token) to enrol MFA');
  await sessionAllowedToEnrol(deps, caller);
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
  if (caller.tokenUse !== 'access') throw invalid('Send your access token (not the ID token) to enrol MFA');
  const session = await sessionAllowedToEnrol(deps, caller);
  await withAccessToken(caller, () => deps.identity.verifyTotp(accessToken, code));
  const at = timestampOf(deps);
  try {
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
      // The code just verified is a second factor of this very session.
      sessionMethodUpdate(deps.table.tableName, caller.email, sessionSkOf(session), 'password+totp'),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError) throw unauthorized('Your session has ended: log in again');
    throw error;
  }
}
