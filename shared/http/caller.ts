/**
 * The caller as the authorizer described them, with the group context resolved from the
 * request. Runs in the handler, on AWS and locally alike, so that one cached authorizer
 * decision (keyed on the token alone) serves every group context and every route.
 */
import { isValidGroupId, normaliseGroupId } from '../domain/groupPath.ts';
import { decodeMemberships } from '../domain/membershipCodec.ts';
import { resolveRole, type Memberships, type ResolvedRole } from '../domain/roles.ts';
import { decodePathSegment } from '../api/schemas/common.ts';
import { notFound, unauthorized } from '../domain/errors.ts';
import { GROUP_CONTEXT_HEADER, type HeaderMap } from './headers.ts';

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

export function callerFromAuthorizer(authorizer: Record<string, unknown> | null | undefined, headers: HeaderMap): Caller {
  const email = authorizer?.email;
  if (typeof email !== 'string' || email === '') throw unauthorized();
  const memberships = decodeMemberships(String(authorizer?.memberships ?? ''));
  const groupContextId = resolveGroupContext(headers[GROUP_CONTEXT_HEADER], String(authorizer?.defaultGroup ?? '/'));
  return {
    email,
    groupContextId,
    contextRole: resolveRole(memberships, groupContextId),
    memberships,
    tokenIssuedAt: Number(authorizer?.issuedAt ?? 0),
    mfaEnabled: authorizer?.mfa === true || authorizer?.mfa === 'true',
    tokenUse: authorizer?.tokenUse === 'id' ? 'id' : 'access',
  };
}

function resolveGroupContext(header: string | undefined, defaultGroup: string): string {
  if (header === undefined || header.trim() === '') return defaultGroup;
  const groupId = normaliseGroupId(decodePathSegment(header));
  // No group can have an invalid id, so the context does not exist (SIF answers 404 here too).
  if (!isValidGroupId(groupId)) throw notFound(`Group ${groupId} not found`);
  return groupId;
}
