import { encodeMemberships } from '../domain/membershipCodec.ts';
import { isRevoked } from '../domain/sessions.ts';
import { defaultGroupFor } from '../domain/defaultGroup.ts';
import type { AuthorizerContext } from '../domain/caller.ts';
import type { TokenVerifier } from '../identity/tokenVerifier.ts';
import type { TableRef } from '../store/client.ts';
import { loadUserWithMemberships } from '../store/userStore.ts';

export interface AuthorizerDependencies {
  verifier: TokenVerifier;
  table: TableRef;
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
 * Verifies the token, then reads the user and all memberships in one request.
 * Undefined (401) for a bad token, an unknown, disabled or deleted user, or a token issued
 * before the user's sessions were revoked.
 */
export async function authorizeToken(deps: AuthorizerDependencies, token: string): Promise<AuthorizerContext | undefined> {
  let verified;
  try {
    verified = await deps.verifier.verify(token);
  } catch {
    return undefined;
  }
  const loaded = await loadUserWithMemberships(deps.table, verified.email);
  if (!loaded || loaded.user.state === 'disabled') return undefined;
  if (isRevoked(verified.issuedAt * 1000, loaded.user.sessionsValidAfter)) return undefined;
  return {
    email: verified.email,
    memberships: encodeMemberships(loaded.memberships),
    defaultGroup: defaultGroupFor(loaded.user.defaultGroup, loaded.memberships),
    issuedAt: verified.issuedAt,
    mfa: loaded.user.mfaEnabled === true,
    tokenUse: verified.tokenUse,
  };
}

/** A policy for the whole API, so a cached decision never refuses another route. */
export function wholeApiResource(methodArn: string): string {
  const [apiArn, stage] = methodArn.split('/');
  return `${apiArn}/${stage}/*`;
}
