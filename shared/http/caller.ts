/**
 * The caller as the authorizer described them, with the group context resolved from the
 * request. Runs in the handler, on AWS and locally alike, so that one cached authorizer
 * decision (keyed on the token alone) serves every group context and every route.
 */
import { isValidGroupId, normaliseGroupId } from '../domain/groupPath.ts';
import { decodeMemberships } from '../domain/membershipCodec.ts';
import type { Caller } from '../domain/caller.ts';
import { resolveRole } from '../domain/roles.ts';
import { decodePathSegment } from '../api/pathSegment.ts';
import { notFound, unauthorized } from '../domain/errors.ts';
import { GROUP_CONTEXT_HEADER } from '../api/contract.ts';
import type { HeaderMap } from './headers.ts';

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
    ...(typeof authorizer?.sessionId === 'string' && authorizer.sessionId !== '' ? { sessionId: authorizer.sessionId } : {}),
    ...(Number(authorizer?.authTime) > 0 ? { authTime: Number(authorizer?.authTime) } : {}),
  };
}

function resolveGroupContext(header: string | undefined, defaultGroup: string): string {
  if (header === undefined || header.trim() === '') return defaultGroup;
  const groupId = normaliseGroupId(decodePathSegment(header));
  // No group can have an invalid id, so the context does not exist (SIF answers 404 here too).
  if (!isValidGroupId(groupId)) throw notFound(`Group ${groupId} not found`);
  return groupId;
}
