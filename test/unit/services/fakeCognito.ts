/**
 * The part of `CognitoIdentity` the auth, sign-in and MFA services use, in memory: one password
 * per email, one reset code and one TOTP code, and a record of every call that changes something.
 * Wrong answers fail as the real adapter maps Cognito's refusals (unauthorized, 401).
 */
import {
  INVALID_CREDENTIALS,
  type AuthOutcome,
  type CognitoIdentity,
  type Tokens,
} from '../../../shared/identity/cognitoIdentity.ts';
import { unauthorized } from '../../../shared/domain/errors.ts';

export const TOKENS: Tokens = {
  accessToken: 'access-jwt',
  idToken: 'id-jwt',
  refreshToken: 'refresh-1',
  expiresIn: 3600,
  tokenType: 'Bearer',
};

export interface FakeCognito {
  passwords: Map<string, string>;
  calls: string[];
  /** What a correct password answers: tokens, or a challenge. */
  outcome: AuthOutcome;
  resetCode: string;
  totpCode: string;
  /** Makes `forgotPassword` fail, as a mail delivery problem would. */
  deliveryFails?: boolean;
}

export function fakeCognito(passwords: Record<string, string> = {}): FakeCognito & CognitoIdentity {
  const identity = {
    passwords: new Map(Object.entries(passwords)),
    calls: [] as string[],
    outcome: { kind: 'tokens', tokens: TOKENS } as AuthOutcome,
    resetCode: '123456',
    totpCode: '654321',
    deliveryFails: false,
    async login(email: string, password: string): Promise<AuthOutcome> {
      identity.calls.push(`login ${email}`);
      if (identity.passwords.get(email) !== password) throw unauthorized(INVALID_CREDENTIALS);
      return identity.outcome;
    },
    async answerChallenge(email: string): Promise<AuthOutcome> {
      identity.calls.push(`challenge ${email}`);
      return { kind: 'tokens', tokens: TOKENS };
    },
    async refresh(): Promise<Tokens> {
      return { ...TOKENS, accessToken: 'fresh-access-jwt' };
    },
    async revokeRefreshToken(refreshToken: string) {
      identity.calls.push(`revoke ${refreshToken}`);
    },
    async signOutWithToken(accessToken: string) {
      identity.calls.push(`signOut ${accessToken}`);
    },
    async signOutEverywhere(email: string) {
      identity.calls.push(`signOutEverywhere ${email}`);
    },
    async forgotPassword(email: string) {
      identity.calls.push(`forgot ${email}`);
      if (identity.deliveryFails) throw Object.assign(new Error('mail down'), { name: 'CodeDeliveryFailureException' });
    },
    async confirmForgotPassword(email: string, code: string, newPassword: string) {
      if (code !== identity.resetCode) throw unauthorized('Invalid code');
      identity.passwords.set(email, newPassword);
      identity.calls.push(`reset ${email}`);
    },
    async associateTotp(accessToken: string) {
      identity.calls.push(`associate ${accessToken}`);
      return 'SECRET234';
    },
    async verifyTotp(accessToken: string, code: string) {
      if (code !== identity.totpCode) throw unauthorized('Invalid code');
      identity.calls.push(`verifyTotp ${accessToken}`);
    },
  };
  return identity as unknown as FakeCognito & CognitoIdentity;
}
