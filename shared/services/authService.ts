/**
 * Login for API clients. Cognito checks the password; the service checks its own user
 * record (the emulator does not refuse disabled users, and the record is the source of truth
 * on AWS too), activates invited users and remembers refresh tokens for revocation.
 */
import type { AuthOutcome, CognitoIdentity, LoginChallengeName, Tokens } from '../identity/cognitoIdentity.ts';
import { INVALID_CREDENTIALS } from '../identity/cognitoIdentity.ts';
import { badRequest, unauthorized } from '../http/errors.ts';
import { isRevoked } from '../domain/sessions.ts';
import { passwordPolicyViolations } from '../config/passwordPolicy.ts';
import type { TableRef } from '../store/client.ts';
import { findRefreshToken, rememberRefreshToken } from '../store/sessionStore.ts';
import { activateInvitedUser } from '../store/userMutations.ts';
import { getUser } from '../store/userStore.ts';

export interface AuthDependencies {
  table: TableRef;
  identity: CognitoIdentity;
  now?: () => Date;
}

export type LoginResult = Tokens | { challenge: LoginChallengeName; session: string };

export async function login(deps: AuthDependencies, email: string, password: string, requestId: string): Promise<LoginResult> {
  return completeAuthentication(deps, email, await deps.identity.login(email, password), requestId);
}

export async function answerChallenge(
  deps: AuthDependencies,
  request: { email: string; challenge: LoginChallengeName; session: string; newPassword?: string; code?: string },
  requestId: string,
): Promise<LoginResult> {
  if (request.challenge === 'NEW_PASSWORD_REQUIRED') assertPasswordPolicy(request.newPassword ?? '');
  const outcome = await deps.identity.answerChallenge(request.email, request.challenge, request.session, request);
  return completeAuthentication(deps, request.email, outcome, requestId);
}

export async function refresh(deps: AuthDependencies, refreshToken: string): Promise<Tokens> {
  const invalid = () => unauthorized('The refresh token is not valid, expired or revoked');
  const remembered = await findRefreshToken(deps.table, refreshToken);
  if (!remembered) throw invalid();
  const user = await getUser(deps.table, remembered.email);
  if (!user || user.state === 'disabled' || isRevoked(remembered.issuedAt, user.sessionsValidAfter)) throw invalid();
  return deps.identity.refresh(refreshToken);
}

async function completeAuthentication(deps: AuthDependencies, email: string, outcome: AuthOutcome, requestId: string): Promise<LoginResult> {
  const user = await getUser(deps.table, email);
  // A disabled or unknown user gets the same answer as a wrong password, challenge or not: nothing to learn here.
  if (!user || user.state === 'disabled') throw unauthorized(INVALID_CREDENTIALS);
  if (outcome.kind === 'challenge') return { challenge: outcome.challenge, session: outcome.session };
  const now = deps.now?.() ?? new Date();
  if (user.state === 'invited') await activateInvitedUser(deps.table, email, requestId, now);
  if (outcome.tokens.refreshToken) {
    await rememberRefreshToken(deps.table, outcome.tokens.refreshToken, { email, issuedAt: now.getTime() });
  }
  return outcome.tokens;
}

/** The service enforces the password policy itself: the emulator does not, and a clear 400 beats Cognito's message. */
export function assertPasswordPolicy(password: string): void {
  const violations = passwordPolicyViolations(password);
  if (violations.length > 0) throw badRequest(violations.join('; '), violations.map((message) => ({ in: 'body', path: 'newPassword', message })));
}
