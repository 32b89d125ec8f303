/** What Cognito's answers mean to the service: tokens, a challenge, or a domain error that does not say whether the user exists. */
import type { AuthenticationResultType, ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { invalid, tooMany, unauthorized } from '../domain/errors.ts';

export interface Tokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export type LoginChallengeName = 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA';

export type AuthOutcome =
  { kind: 'tokens'; tokens: Tokens } | { kind: 'challenge'; challenge: LoginChallengeName; session: string };

export const INVALID_CREDENTIALS = 'Incorrect email or password';
export const INVALID_SIGNUP_CODE = 'The code is not valid or has expired';

export function mapAuthError(error: unknown): unknown {
  const name = (error as { name?: string })?.name ?? '';
  switch (name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
    case 'UserNotConfirmedException':
    case 'PasswordResetRequiredException':
      return unauthorized(INVALID_CREDENTIALS);
    case 'CodeMismatchException':
    case 'ExpiredCodeException':
    case 'EnableSoftwareTokenMFAException':
      return unauthorized('The session or code is not valid');
    case 'InvalidPasswordException':
      return invalid((error as Error).message);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return tooMany('Too many requests; try again later', 30);
    default:
      return error;
  }
}

export function toOutcome(
  result: AuthenticationResultType | undefined,
  challenge: ChallengeNameType | undefined,
  session: string | undefined,
): AuthOutcome {
  if (result?.AccessToken && result.IdToken) {
    return {
      kind: 'tokens',
      tokens: {
        accessToken: result.AccessToken,
        idToken: result.IdToken,
        refreshToken: result.RefreshToken,
        expiresIn: result.ExpiresIn ?? 3600,
        tokenType: 'Bearer',
      },
    };
  }
  if ((challenge === 'NEW_PASSWORD_REQUIRED' || challenge === 'SOFTWARE_TOKEN_MFA') && session) {
    return { kind: 'challenge', challenge, session };
  }
  // Any other challenge (SMS MFA, custom auth) is not offered by this service's user pool.
  throw unauthorized(`Unsupported login challenge ${challenge ?? 'none'}`);
}
