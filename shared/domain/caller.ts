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
  /** The caller's session was authenticated with MFA (how this login proved who they are, not a stored flag). */
  mfaEnabled: boolean;
  /** The session the caller's token belongs to (its `origin_jti`). */
  sessionId?: string;
  /** When that session's login happened (`auth_time`), epoch seconds. */
  authTime?: number;
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
  /** The session was authenticated with a TOTP code. */
  mfa: boolean;
  tokenUse: 'access' | 'id';
  sessionId: string;
  /** The session's `auth_time`, epoch seconds. */
  authTime: number;
}
