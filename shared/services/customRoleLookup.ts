/**
 * Access decisions are synchronous domain functions (domain/permissions.ts); custom role
 * definitions live in DynamoDB. This loads, ahead of a decision, the definitions the decision
 * can need (the role that decides at each group asked about), through the function's short cache.
 */
import type { CustomRoleLookup } from '../domain/permissions.ts';
import { isRole, resolveRole, type Memberships } from '../domain/roles.ts';
import type { TableRef } from '../store/client.ts';
import { cachedUsableRole } from '../store/roleStore.ts';

/** `table` is only asked for when a custom role is involved, so built-in decisions need no database. */
export async function customRoleLookup(
  table: () => TableRef,
  memberships: Memberships,
  groupIds: string[],
): Promise<CustomRoleLookup> {
  const loaded = new Map<string, Awaited<ReturnType<typeof cachedUsableRole>>>();
  for (const groupId of new Set(groupIds)) {
    const resolved = resolveRole(memberships, groupId);
    if (!resolved || isRole(resolved.role)) continue;
    const key = `${resolved.grantedAt}|${resolved.role}`;
    if (!loaded.has(key)) loaded.set(key, await cachedUsableRole(table(), resolved.grantedAt, resolved.role));
  }
  return (name, membershipGroup) => loaded.get(`${membershipGroup}|${name}`);
}
