import { encodeMemberships } from '../domain/membershipCodec.ts';
import { isLiveSession } from '../domain/sessions.ts';
import { defaultGroupFor } from '../domain/defaultGroup.ts';
import type { AuthorizerContext } from '../domain/caller.ts';
import type { TokenVerifier } from '../identity/tokenVerifier.ts';
import type { TableRef } from '../store/client.ts';
import { sessionSk } from '../store/keys.ts';
import { loadUserWithMemberships } from '../store/userStore.ts';

export interface AuthorizerDependencies {
  verifier: TokenVerifier;
  table: TableRef;
  now?: () => number;
}

/** `Bearer <jwt>` or a bare JWT. */
export function bearerToken(headers: Record<string, string | undefined> | null | undefined): string | undefined {
  const value = Object.entries(headers ?? {})
    .find(([name]) => name.toLowerCase() === 'authorization')?.[1]
    ?.trim();
  if (!value) return undefined;
  const token = value.replace(/^Bearer(\s+|$)/i, '').trim();
  return token === '' ? undefined : token;
}

/**
 * Verifies the token, then reads the user, all memberships and the token's session in one request.
 * Undefined (401) for a bad token, an unknown, disabled or deleted user, or a token whose session
 * the service never opened (a login made at Cognito directly), ended or expired.
 */
export async function authorizeToken(deps: AuthorizerDependencies, token: string): Promise<AuthorizerContext | undefined> {
  let verified;
  try {
    verified = await deps.verifier.verify(token);
  } catch {
    return undefined;
  }
  if (!verified.sessionId || verified.authTime === undefined) return undefined;
  const loaded = await loadUserWithMemberships(deps.table, verified.email, {
    sk: sessionSk(verified.authTime, verified.sessionId),
    sessionId: verified.sessionId,
  });
  if (!loaded || loaded.user.state === 'disabled') return undefined;
  const session = loaded.session;
  if (!session || !isLiveSession(session, loaded.user.createdAt, (deps.now ?? Date.now)())) return undefined;
  return {
    email: verified.email,
    memberships: encodeMemberships(loaded.memberships),
    defaultGroup: defaultGroupFor(loaded.user.defaultGroup, loaded.memberships),
    issuedAt: verified.issuedAt,
    // MFA is judged by how this session was authenticated, never by a stored flag the user can outlive.
    mfa: session.method === 'password+totp',
    tokenUse: verified.tokenUse,
    sessionId: session.sessionId,
    authTime: session.authTime,
  };
}

/** A policy for the whole API, so a cached decision never refuses another route. */
export function wholeApiResource(methodArn: string): string {
  const [apiArn, stage] = methodArn.split('/');
  return `${apiArn}/${stage}/*`;
}
