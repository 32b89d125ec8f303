/**
 * The identity adapter: everything the service asks of the Cognito user pool.
 * The same code talks to Cognito on AWS and to cognito-local; only the endpoint differs.
 * Roles and memberships never live here (no Cognito groups, no role claims).
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  SignUpCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { conflict, DomainError, invalid, tooMany, unauthorized } from '../domain/errors.ts';
import { createCognitoClient, type IdentitySettings } from './cognitoClient.ts';
import {
  INVALID_CREDENTIALS,
  INVALID_SIGNUP_CODE,
  mapAuthError,
  toOutcome,
  type AuthOutcome,
  type LoginChallengeName,
  type Tokens,
} from './cognitoOutcomes.ts';

export { createCognitoClient, identitySettingsFromEnvironment, type IdentitySettings } from './cognitoClient.ts';
export {
  INVALID_CREDENTIALS,
  INVALID_SIGNUP_CODE,
  mapAuthError,
  type AuthOutcome,
  type LoginChallengeName,
  type Tokens,
} from './cognitoOutcomes.ts';

export class CognitoIdentity {
  constructor(
    private readonly settings: IdentitySettings,
    private readonly client: CognitoIdentityProviderClient = createCognitoClient(settings.endpoint),
  ) {}

  async login(email: string, password: string): Promise<AuthOutcome> {
    // cognito-local answers a wrong password with InvalidPasswordException where Cognito says NotAuthorizedException.
    const result = await this.call(
      () =>
        this.client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: this.settings.apiClientId,
            AuthParameters: { USERNAME: email, PASSWORD: password },
          }),
        ),
      { InvalidPasswordException: unauthorized(INVALID_CREDENTIALS) },
    );
    return toOutcome(result.AuthenticationResult, result.ChallengeName, result.Session);
  }

  async answerChallenge(
    email: string,
    challenge: LoginChallengeName,
    session: string,
    answer: { newPassword?: string; code?: string },
  ): Promise<AuthOutcome> {
    const responses: Record<string, string> =
      challenge === 'NEW_PASSWORD_REQUIRED'
        ? { USERNAME: email, NEW_PASSWORD: answer.newPassword ?? '' }
        : { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: answer.code ?? '' };
    const result = await this.call(() =>
      this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.settings.apiClientId,
          ChallengeName: challenge,
          Session: session,
          ChallengeResponses: responses,
        }),
      ),
    );
    return toOutcome(result.AuthenticationResult, result.ChallengeName, result.Session);
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    const result = await this.call(() =>
      this.client.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: this.settings.apiClientId,
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      ),
    );
    const outcome = toOutcome(result.AuthenticationResult, undefined, undefined);
    if (outcome.kind !== 'tokens') throw unauthorized('The refresh token is not valid');
    return { ...outcome.tokens, refreshToken: outcome.tokens.refreshToken ?? refreshToken };
  }

  /** Creates the Cognito user. `invite` false suppresses the invitation message (seeded users are told their password another way). */
  async createUser(email: string, options: { temporaryPassword?: string; invite: boolean }): Promise<void> {
    await this.client.send(
      new AdminCreateUserCommand({
        UserPoolId: this.settings.userPoolId,
        Username: email,
        TemporaryPassword: options.temporaryPassword,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
        // Locally the service writes the invitation to the outbox itself, with its own wording.
        ...(options.invite && !this.isLocal ? {} : { MessageAction: 'SUPPRESS' }),
      }),
    );
  }

  /** The login's Cognito status (`UNCONFIRMED` is a self sign-up awaiting its code), or undefined when there is none. */
  async loginStatus(email: string): Promise<string | undefined> {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.settings.userPoolId, Username: email }));
      return user.UserStatus;
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async setPermanentPassword(email: string, password: string): Promise<void> {
    await this.setPassword(email, password, true);
  }

  async disableUser(email: string): Promise<void> {
    await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.settings.userPoolId, Username: email }));
  }

  async enableUser(email: string): Promise<void> {
    await this.client.send(new AdminEnableUserCommand({ UserPoolId: this.settings.userPoolId, Username: email }));
  }

  /** Removes the login; a user already gone counts as removed. */
  async deleteUser(email: string): Promise<void> {
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.settings.userPoolId, Username: email }));
    } catch (error) {
      if ((error as Error).name !== 'UserNotFoundException') throw error;
    }
  }

  /**
   * Ends the user's Cognito refresh tokens. The emulator does not implement it, which is why the
   * service's own session records (deleted when sessions end) are the check that counts, on AWS as well.
   */
  async signOutEverywhere(email: string): Promise<void> {
    if (this.settings.endpoint) return;
    await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.settings.userPoolId, Username: email }));
  }

  /** Revokes one refresh token (and the access tokens issued from it, on AWS). Unknown or foreign tokens are ignored. */
  async revokeRefreshToken(refreshToken: string, clientIds: string[]): Promise<void> {
    for (const clientId of clientIds) {
      try {
        await this.client.send(new RevokeTokenCommand({ Token: refreshToken, ClientId: clientId }));
        return;
      } catch {
        // Issued to another of our clients, or already revoked: try the next, then give up quietly.
      }
    }
  }

  /** Ends the caller's Cognito sessions; see signOutEverywhere for why it is skipped locally. */
  async signOutWithToken(accessToken: string): Promise<void> {
    if (this.settings.endpoint) return;
    await this.client.send(new GlobalSignOutCommand({ AccessToken: accessToken })).catch(() => undefined);
  }

  /** Sends a reset code (Cognito's email on AWS, the emulator's console locally). */
  async forgotPassword(email: string): Promise<void> {
    await this.client.send(new ForgotPasswordCommand({ ClientId: this.settings.apiClientId, Username: email }));
  }

  async confirmForgotPassword(email: string, code: string, newPassword: string): Promise<void> {
    try {
      await this.client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: this.settings.apiClientId,
          Username: email,
          ConfirmationCode: code,
          Password: newPassword,
        }),
      );
    } catch (error) {
      throw mapAuthError(error);
    }
  }

  /**
   * Self sign-up through the API client: Cognito emails a confirmation code (the emulator prints it).
   * An email that already has a login is reported as `exists`, for the caller to hide.
   */
  async signUp(email: string, password: string): Promise<'created' | 'exists'> {
    try {
      await this.client.send(
        new SignUpCommand({
          ClientId: this.settings.apiClientId,
          Username: email,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      return 'created';
    } catch (error) {
      if ((error as Error).name === 'UsernameExistsException') return 'exists';
      throw mapAuthError(error);
    }
  }

  /** Confirms a sign-up with the emailed code. A wrong, expired or used code and an unknown email get the same 400. */
  async confirmSignUp(email: string, code: string): Promise<void> {
    try {
      await this.client.send(
        new ConfirmSignUpCommand({ ClientId: this.settings.apiClientId, Username: email, ConfirmationCode: code }),
      );
    } catch (error) {
      switch ((error as Error).name) {
        case 'CodeMismatchException':
        case 'ExpiredCodeException':
        case 'UserNotFoundException':
        case 'NotAuthorizedException':
          throw invalid(INVALID_SIGNUP_CODE);
        case 'TooManyFailedAttemptsException':
          throw tooMany('Too many attempts; try again later', 60);
        // On AWS a failing post-confirmation trigger fails the call after the user is confirmed: a state problem, not a server crash.
        case 'UserLambdaValidationException':
        case 'UnexpectedLambdaException':
          throw conflict('Your email is confirmed, but the business could not be set up; please contact the bank');
        default:
          throw mapAuthError(error);
      }
    }
  }

  /** Starts TOTP enrolment for the user of this access token: the shared secret. */
  async associateTotp(accessToken: string): Promise<string> {
    const result = await this.call(() => this.client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
    if (!result.SecretCode) throw new Error('Cognito returned no TOTP secret');
    return result.SecretCode;
  }

  /** Checks a first code from the authenticator app, then makes TOTP the user's preferred MFA. */
  async verifyTotp(accessToken: string, code: string): Promise<void> {
    const result = await this.call(
      () =>
        this.client.send(
          new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'authenticator' }),
        ),
      // Cognito's answer when no authenticator is being set up for this user.
      { InvalidParameterException: conflict('No authenticator is being set up: start with POST /auth/mfa/totp/setup') },
    );
    if (result.Status !== 'SUCCESS') throw unauthorized('The session or code is not valid');
    await this.call(() =>
      this.client.send(
        new SetUserMFAPreferenceCommand({
          AccessToken: accessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      ),
    );
  }

  get isLocal(): boolean {
    return this.settings.endpoint !== undefined;
  }

  private async setPassword(email: string, password: string, permanent: boolean): Promise<void> {
    const input = { UserPoolId: this.settings.userPoolId, Username: email, Password: password, Permanent: permanent };
    await this.call(() => this.client.send(new AdminSetUserPasswordCommand(input)));
  }

  /** Maps Cognito's authentication refusals to one 401 that does not say whether the user exists. */
  private async call<T>(send: () => Promise<T>, overrides: Record<string, DomainError> = {}): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw overrides[(error as Error).name] ?? mapAuthError(error);
    }
  }
}
