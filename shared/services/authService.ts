/**
 * Login for API clients. Cognito checks the password; the service checks its own user
 * record (the emulator does not refuse disabled users, and the record is the source of truth
 * on AWS too), activates invited users and remembers refresh tokens for revocation.
 */
import type { AuthOutcome, CognitoIdentity, LoginChallengeName, Tokens } from '../identity/cognitoIdentity.ts';
import { INVALID_CREDENTIALS } from '../identity/cognitoIdentity.ts';
import { DomainError, invalid, isDomainError, locked, unauthorized } from '../domain/errors.ts';
import { isRevoked, waitBeforeIssuing } from '../domain/sessions.ts';
import { passwordPolicyViolations } from '../config/passwordPolicy.ts';
import type { TableRef } from '../store/client.ts';
import {
  activeLock,
  clearFailures,
  recordFailure,
  recordLoginAttempt,
  type Lock,
  type LoginOutcome,
} from '../store/loginAttemptStore.ts';
import { findRefreshToken, forgetRefreshToken, rememberRefreshToken } from '../store/sessionStore.ts';
import { activateInvitedUser, endSessions, recordEmailProof } from '../store/userMutations.ts';
import { getUser } from '../store/userStore.ts';
import { nowOf } from './clock.ts';
import { log } from '../observability/logger.ts';
import { countMetric, METRIC } from '../observability/metrics.ts';

export interface AuthDependencies {
  table: TableRef;
  identity: CognitoIdentity;
  now?: () => Date;
  /** Waits out a revoked second before issuing tokens; tests may replace it. */
  sleep?: (ms: number) => Promise<void>;
}

/** Where a login attempt comes from, for lockouts and login history. */
export interface LoginClient {
  sourceIp?: string;
  userAgent?: string;
}

export type LoginResult = Tokens | { challenge: LoginChallengeName; session: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
  return authenticate(deps, email, requestId, client, () => deps.identity.login(email, password));
}

export async function answerChallenge(
  deps: AuthDependencies,
  request: { email: string; challenge: LoginChallengeName; session: string; newPassword?: string; code?: string },
  requestId: string,
  client: LoginClient = {},
): Promise<LoginResult> {
  if (request.challenge === 'NEW_PASSWORD_REQUIRED') assertPasswordPolicy(request.newPassword ?? '');
  return authenticate(deps, request.email, requestId, client, () =>
    deps.identity.answerChallenge(request.email, request.challenge, request.session, request),
  );
}

async function authenticate(
  deps: AuthDependencies,
  email: string,
  requestId: string,
  client: LoginClient,
  attempt: () => Promise<AuthOutcome>,
): Promise<LoginResult> {
  const now = () => nowOf(deps).getTime();
  const user = await getUser(deps.table, email);
  const remember = (outcome: LoginOutcome) => {
    countMetric(METRIC.logins, { outcome });
    return user
      ? recordLoginAttempt(deps.table, email, { at: new Date(now()).toISOString(), outcome, ...client })
      : Promise.resolve();
  };

  const lock = await activeLock(deps.table, email, client.sourceIp, now());
  if (lock) {
    await remember('locked');
    throw tooManyAttempts(lock, now());
  }
  const wait = waitBeforeIssuing(now(), user?.sessionsValidAfter);
  if (wait > 0) await (deps.sleep ?? sleep)(wait);

  let outcome: AuthOutcome;
  try {
    outcome = await attempt();
  } catch (error) {
    if (isDomainError(error, 'unauthorized')) {
      await remember('failure');
      const locked = await recordFailure(deps.table, email, client.sourceIp, now(), requestId);
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
  await clearFailures(deps.table, email);
  if (outcome.kind === 'challenge') {
    await remember(outcome.challenge === 'SOFTWARE_TOKEN_MFA' ? 'mfa_challenge' : 'challenge');
    return { challenge: outcome.challenge, session: outcome.session };
  }
  if (user.state === 'invited')
    await activateInvitedUser(deps.table, email, requestId, new Date(now()), user.passwordSentToEmail === true);
  if (outcome.tokens.refreshToken)
    await rememberRefreshToken(deps.table, outcome.tokens.refreshToken, { email, issuedAt: now() });
  await remember('success');
  return outcome.tokens;
}

function tooManyAttempts(lock: Lock, now: number): DomainError {
  const seconds = Math.max(1, Math.ceil((lock.lockedUntil - now) / 1000));
  const subject = lock.scope === 'account' ? 'this account' : 'this address';
  return locked(`Too many failed logins for ${subject}; try again in ${Math.ceil(seconds / 60)} minute(s)`, seconds);
}

export async function refresh(deps: AuthDependencies, refreshToken: string): Promise<Tokens> {
  const refused = () => unauthorized('The refresh token is not valid, expired or revoked');
  const remembered = await findRefreshToken(deps.table, refreshToken);
  if (!remembered) throw refused();
  const user = await getUser(deps.table, remembered.email);
  if (!user || user.state === 'disabled' || isRevoked(remembered.issuedAt, user.sessionsValidAfter)) throw refused();
  return deps.identity.refresh(refreshToken);
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
