/**
 * What access decisions need beyond the caller's memberships, read through one port so the
 * decisions stay pure and testable: custom role definitions and MFA requirements of groups.
 */
import type { CustomRoleDefinition, CustomRoleLookup } from '../../domain/access/permissions.ts';
import { isBuiltInRole, resolveRole, type Memberships } from '../../domain/roles.ts';

export interface DecisionInputs {
  /** The definition of custom role `name` usable at `groupId`: the nearest one at the group or above it. */
  customRoleAt(groupId: string, name: string): Promise<CustomRoleDefinition | undefined>;
  /** Those of `groupIds` whose effective configuration requires MFA, in the order given. One batched read. */
  groupsRequiringMfa(groupIds: string[]): Promise<string[]>;
}

/**
 * Loads, ahead of decisions, the custom role definitions they can need: the role that decides at
 * each group asked about. Built-in decisions read nothing; the reads run in parallel.
 */
export async function customRolesFor(
  inputs: DecisionInputs,
  memberships: Memberships,
  groupIds: string[],
): Promise<CustomRoleLookup> {
  const wanted = new Map<string, { grantedAt: string; role: string }>();
  for (const groupId of new Set(groupIds)) {
    const resolved = resolveRole(memberships, groupId);
    if (resolved && !isBuiltInRole(resolved.role)) wanted.set(`${resolved.grantedAt}|${resolved.role}`, resolved);
  }
  const loaded = new Map(
    await Promise.all(
      [...wanted].map(async ([key, { grantedAt, role }]) => [key, await inputs.customRoleAt(grantedAt, role)] as const),
    ),
  );
  return (name, membershipGroup) => loaded.get(`${membershipGroup}|${name}`);
}
