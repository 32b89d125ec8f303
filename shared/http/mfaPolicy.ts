/**
 * Groups whose effective configuration sets `security.mfaRequired: true` admit only members who
 * have enrolled MFA, everywhere in their subtree. Checked for role-based routes only, so a
 * member can still reach their own record and the MFA enrolment routes. The effective
 * configuration costs one BatchGet, cached per group for a short time in the function.
 */
import { effectiveConfiguration } from '../domain/configuration.ts';
import { selfAndAncestors } from '../domain/groupPath.ts';
import type { TableRef } from '../store/client.ts';
import { getGroupsByIds } from '../store/groupStore.ts';
import type { Caller } from './caller.ts';
import { forbidden } from '../domain/errors.ts';

const CACHE_MS = 30_000;
const cache = new Map<string, { required: boolean; until: number }>();

export async function isMfaRequired(table: TableRef, groupId: string, now = Date.now()): Promise<boolean> {
  const cached = cache.get(groupId);
  if (cached && cached.until > now) return cached.required;
  const chain = selfAndAncestors(groupId).reverse();
  const groups = await getGroupsByIds(table, chain);
  const configuration = effectiveConfiguration(chain.map((id) => groups.get(id)?.configuration));
  const required = (configuration.security as { mfaRequired?: unknown } | undefined)?.mfaRequired === true;
  cache.set(groupId, { required, until: now + CACHE_MS });
  return required;
}

export async function enforceMfaPolicy(table: TableRef, caller: Caller, groupIds: string[]): Promise<void> {
  if (caller.mfaEnabled) return;
  for (const groupId of new Set(groupIds)) {
    if (await isMfaRequired(table, groupId)) {
      throw forbidden(
        `MFA is required in group ${groupId}: enrol an authenticator with POST /auth/mfa/totp/setup and /auth/mfa/totp/verify`,
      );
    }
  }
}
