import { Duration, Fn, Aws, Lazy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClientIdentityProvider,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { PASSWORD_POLICY } from '../../shared/config/passwordPolicy.ts';
import { SESSION_SETTINGS } from '../../shared/config/sessions.ts';

export interface IamUserPoolProps {
  stackName: string;
  deletionProtection: boolean;
  callbackUrls: string[];
  domainPrefix?: string;
}

/**
 * Logins only: usernames are lower-cased emails, created by admins or by business sign-up. Roles and memberships
 * live in the table, never here (no Cognito groups, no role claims).
 */
export class IamUserPool extends Construct {
  readonly userPool: UserPool;
  /** The API's own `/auth/*` endpoints log in through this client. */
  readonly apiClient: UserPoolClient;
  /** The hosted login page (authorization code + PKCE), e.g. for the API docs. */
  readonly hostedClient: UserPoolClient;
  readonly domain: UserPoolDomain;
  private readonly hostedCallbackUrls: string[];

  constructor(scope: Construct, id: string, props: IamUserPoolProps) {
    super(scope, id);
    this.hostedCallbackUrls = [...props.callbackUrls];
    this.userPool = new UserPool(this, 'UserPool', {
      // Businesses sign themselves up (`POST /signup`), confirming their email with a code.
      selfSignUpEnabled: true,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: PASSWORD_POLICY.minLength,
        requireLowercase: PASSWORD_POLICY.requireLowercase,
        requireUppercase: PASSWORD_POLICY.requireUppercase,
        requireDigits: PASSWORD_POLICY.requireDigits,
        requireSymbols: PASSWORD_POLICY.requireSymbols,
        tempPasswordValidity: Duration.days(PASSWORD_POLICY.temporaryPasswordValidityDays),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: props.deletionProtection,
    });

    const tokenValidity = {
      accessTokenValidity: Duration.minutes(SESSION_SETTINGS.accessTokenValidityMinutes),
      idTokenValidity: Duration.minutes(SESSION_SETTINGS.idTokenValidityMinutes),
      refreshTokenValidity: Duration.days(SESSION_SETTINGS.refreshTokenValidityDays),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      generateSecret: false,
      // Clients write the email and nothing else. The email is required, so SignUp must write it:
      // the pre-sign-up trigger is what pins it to the username.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    };
    this.apiClient = this.userPool.addClient('ApiClient', {
      userPoolClientName: 'api',
      authFlows: { userPassword: true },
      disableOAuth: true,
      ...tokenValidity,
    });
    this.hostedClient = this.userPool.addClient('HostedClient', {
      userPoolClientName: 'hosted',
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: Lazy.list({ produce: () => this.hostedCallbackUrls }),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      ...tokenValidity,
    });

    this.domain = this.userPool.addDomain('HostedLogin', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? defaultDomainPrefix(props.stackName) },
    });
  }

  /** A redirect target known only later, such as the API's own `/login/callback` (the API is built after the pool). */
  addCallbackUrl(url: string): void {
    this.hostedCallbackUrls.push(url);
  }
}

/**
 * Prefix domains are global per region, so a bare stack name may be taken by another account.
 * The default appends the last group of the stack's id (a UUID; hex never spells a reserved word).
 */
function defaultDomainPrefix(stackName: string): string {
  const base =
    stackName
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'iam';
  const stackUuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
  return `${base}-${Fn.select(4, Fn.split('-', stackUuid))}`;
}
