/**
 * Login for API clients. Cognito checks the password; the service checks its own user
 * record (the emulator does not refuse disabled users, and the record is the source of truth
 * on AWS too), activates invited users, opens the session every token of the login belongs to
 * and remembers refresh tokens with their session.
 */
import type { AuthOutcome, CognitoIdentity, LoginChallengeName, Tokens } from '../identity/cognitoIdentity.ts';
import { INVALID_CREDENTIALS } from '../identity/cognitoIdentity.ts';
import { DomainError, forbidden, invalid, isDomainError, locked, unauthorized } from '../domain/errors.ts';
import { isLiveSession, type SessionMethod } from '../domain/sessions.ts';
import { passwordPolicyViolations } from '../config/passwordPolicy.ts';
import type { TokenVerifier } from '../identity/tokenVerifier.ts';
import type { TableRef } from '../store/client.ts';
import {
  activeLock,
  clearFailures,
  recordFailure,
  recordLoginAttempt,
  rememberKnownSource,
  type Lock,
  type LoginOutcome,
} from '../store/loginAttemptStore.ts';
import { findRefreshToken, findSession, forgetRefreshToken, rememberRefreshToken, touchSession } from '../store/sessionStore.ts';
import { activateInvitedUser, endSessions, recordEmailProof } from '../store/userMutations.ts';
import { getUser } from '../store/userStore.ts';
import { openSession } from './sessionOpening.ts';
import { nowOf } from './clock.ts';
import { log } from '../observability/logger.ts';
import { countMetric, METRIC } from '../observability/metrics.ts';

export interface AuthDependencies {
  table: TableRef;
  identity: CognitoIdentity;
  /** Reads the session claims (`origin_jti`, `auth_time`) of the tokens a login returns, verified like any other. */
  verifier: TokenVerifier;
  now?: () => Date;
}

/** Where a login attempt comes from, for lockouts and login history. */
export interface LoginClient {
  sourceIp?: string;
  userAgent?: string;
}

export type LoginResult = Tokens | { challenge: LoginChallengeName; session: string };

/**
 * Password login. A locked account or source IP is refused with 429 even with the right
 * password; a wrong password counts towards a lockout; every attempt on a known account is
 * kept in its login history.
 */
export async function login(
  deps: AuthDependencies,
  email: string,
  password: string,
  requestId: string,
  client: LoginClient = {},
): Promise<LoginResult> {
  return authenticate(deps, email, requestId, client, 'password', () => deps.identity.login(email, password));
}

export async function answerChallenge(
  deps: AuthDependencies,
  request: { email: string; challenge: LoginChallengeName; session: string; newPassword?: string; code?: string },
  requestId: string,
  client: LoginClient = {},
): Promise<LoginResult> {
  if (request.challenge === 'NEW_PASSWORD_REQUIRED') assertPasswordPolicy(request.newPassword ?? '');
  const method: SessionMethod = request.challenge === 'SOFTWARE_TOKEN_MFA' ? 'password+totp' : 'password';
  return authenticate(deps, request.email, requestId, client, method, () =>
    deps.identity.answerChallenge(request.email, request.challenge, request.session, request),
  );
}

async function authenticate(
  deps: AuthDependencies,
  email: string,
  requestId: string,
  client: LoginClient,
  method: SessionMethod,
  attempt: () => Promise<AuthOutcome>,
): Promise<LoginResult> {
  const now = () => nowOf(deps).getTime();
  const user = await getUser(deps.table, email);
  const remember = (outcome: LoginOutcome) => {
    countMetric(METRIC.logins, { outcome });
    return user
      ? recordLoginAttempt(
          deps.table,
          email,
          { at: new Date(now()).toISOString(), outcome, ...client },
          { groupId: user.defaultGroup ?? '/', requestId },
        )
      : Promise.resolve();
  };

  const { lock, source } = await activeLock(deps.table, email, client.sourceIp, now());
  if (lock) {
    await remember('locked');
    throw tooManyAttempts(lock, now());
  }

  let outcome: AuthOutcome;
  try {
    outcome = await attempt();
  } catch (error) {
    if (isDomainError(error, 'unauthorized')) {
      await remember('failure');
      const locked = await recordFailure(deps.table, email, source, now(), requestId);
      if (locked) countMetric(METRIC.lockouts, { scope: locked.scope });
      if (locked) throw tooManyAttempts(locked, now());
    }
    throw error;
  }
  // A disabled or unknown user gets the same answer as a wrong password, challenge or not: nothing to learn here.
  if (!user || user.state === 'disabled') {
    await remember('refused');
    throw unauthorized(INVALID_CREDENTIALS);
  }
  await clearFailures(deps.table, email, source);
  if (outcome.kind === 'challenge') {
    await remember(outcome.challenge === 'SOFTWARE_TOKEN_MFA' ? 'mfa_challenge' : 'challenge');
    return { challenge: outcome.challenge, session: outcome.session };
  }
  if (user.state === 'invited')
    await activateInvitedUser(deps.table, email, requestId, new Date(now()), user.passwordSentToEmail === true);
  const session = await openSession(deps, { user, accessToken: outcome.tokens.accessToken, method, client, requestId });
  if (outcome.tokens.refreshToken)
    await rememberRefreshToken(deps.table, outcome.tokens.refreshToken, { email, issuedAt: now(), sessionSk: session });
  await rememberKnownSource(deps.table, email, client.sourceIp, now());
  await remember('success');
  return outcome.tokens;
}

/**
 * The current password of a signed-in user, proved again for a sensitive change. Locks and
 * failures count as for a login, so a stolen token cannot be used to guess the password.
 */
export async function verifyCurrentPassword(
  deps: Pick<AuthDependencies, 'table' | 'identity' | 'now'>,
  email: string,
  password: string,
  requestId: string,
  client: LoginClient = {},
): Promise<void> {
  const now = () => nowOf(deps).getTime();
  const { lock, source } = await activeLock(deps.table, email, client.sourceIp, now());
  if (lock) throw tooManyAttempts(lock, now());
  try {
    // A correct password answers with tokens or a challenge; neither is used, and no session is opened for them.
    await deps.identity.login(email, password);
  } catch (error) {
    if (!isDomainError(error, 'unauthorized')) throw error;
    const locked = await recordFailure(deps.table, email, source, now(), requestId);
    if (locked) throw tooManyAttempts(locked, now());
    throw forbidden('The current password is not correct');
  }
}

function tooManyAttempts(lock: Lock, now: number): DomainError {
  const seconds = Math.max(1, Math.ceil((lock.lockedUntil - now) / 1000));
  const subject = lock.scope === 'account' ? 'this account' : 'this address';
  return locked(`Too many failed logins for ${subject}; try again in ${Math.ceil(seconds / 60)} minute(s)`, seconds);
}

export async function refresh(deps: AuthDependencies, refreshToken: string): Promise<Tokens> {
  const refused = () => unauthorized('The refresh token is not valid, expired or revoked');
  const remembered = await findRefreshToken(deps.table, refreshToken);
  if (!remembered?.sessionSk) throw refused();
  const [user, session] = await Promise.all([
    getUser(deps.table, remembered.email),
    findSession(deps.table, remembered.email, remembered.sessionSk),
  ]);
  if (!user || user.state === 'disabled' || !isLiveSession(session, user.createdAt, nowOf(deps).getTime())) throw refused();
  const tokens = await deps.identity.refresh(refreshToken);
  await touchSession(deps.table, remembered.email, remembered.sessionSk, nowOf(deps).toISOString());
  return tokens;
}

/**
 * Logs the caller out everywhere: their refresh token (if given) is revoked and forgotten, and
 * every token issued up to now stops working. On AWS, Cognito's GlobalSignOut runs as well.
 */
export async function logout(
  deps: AuthDependencies,
  caller: { email: string },
  accessToken: string,
  refreshToken: string | undefined,
  requestId: string,
  clientIds: string[],
): Promise<void> {
  if (refreshToken) {
    const remembered = await findRefreshToken(deps.table, refreshToken);
    if (remembered?.email === caller.email) {
      await deps.identity.revokeRefreshToken(refreshToken, clientIds);
      await forgetRefreshToken(deps.table, refreshToken);
    }
  }
  await endSessions(deps.table, {
    email: caller.email,
    actor: caller.email,
    action: 'session.logout',
    requestId,
    now: nowOf(deps),
  });
  await deps.identity.signOutWithToken(accessToken);
}

/** Always the same answer, whether or not the email has an account: nobody learns which do. */
export async function forgotPassword(deps: AuthDependencies, email: string): Promise<void> {
  const user = await getUser(deps.table, email);
  if (!user || user.state === 'disabled') return;
  await deps.identity.forgotPassword(email).catch((error: Error) => {
    log.warn('forgot-password delivery failed', { error: error.name });
  });
}

/** Sets a new password with an emailed code; every existing session of the user ends. */
export async function resetPassword(
  deps: AuthDependencies,
  request: { email: string; code: string; newPassword: string },
  requestId: string,
): Promise<void> {
  assertPasswordPolicy(request.newPassword);
  const refused = () => invalid('The code is not valid or has expired');
  const user = await getUser(deps.table, request.email);
  if (!user || user.state === 'disabled') throw refused();
  try {
    await deps.identity.confirmForgotPassword(request.email, request.code, request.newPassword);
  } catch (error) {
    if (isDomainError(error, 'unauthorized')) throw refused();
    throw error;
  }
  await recordEmailProof(deps.table, request.email, { requestId, now: nowOf(deps) });
  await endSessions(deps.table, {
    email: request.email,
    actor: request.email,
    action: 'user.password_reset',
    requestId,
    now: nowOf(deps),
  });
  await deps.identity.signOutEverywhere(request.email);
}

/** The service enforces the password policy itself: the emulator does not, and a clear 400 beats Cognito's message. */
export function assertPasswordPolicy(password: string, field = 'newPassword'): void {
  const violations = passwordPolicyViolations(password);
  if (violations.length > 0)
    throw invalid(
      violations.join('; '),
      violations.map((message) => ({ in: 'body', path: field, message })),
    );
}
