import type { Memberships, ResolvedRole } from './roles.ts';

/** Who is calling, as the authorizer verified them, and the group the call acts in. */
export interface Caller {
  email: string;
  groupContextId: string;
  /** The caller's role in the group context, if any. */
  contextRole: ResolvedRole | undefined;
  memberships: Memberships;
  /** When the caller's token was issued, epoch seconds (0 if unknown). */
  tokenIssuedAt: number;
  mfaEnabled: boolean;
  /** Which kind of token the caller sent: some Cognito calls need the access token itself. */
  tokenUse: 'access' | 'id';
}

/** What the authorizer puts in API Gateway's context map (values must be scalars). */
export interface AuthorizerContext {
  email: string;
  memberships: string;
  defaultGroup: string;
  /** The token's `iat`, epoch seconds. */
  issuedAt: number;
  /** The user has enrolled a TOTP authenticator. */
  mfa: boolean;
  tokenUse: 'access' | 'id';
}
