/**
 * Roles and how a caller's memberships resolve to a role at a group.
 * A membership grants its role at a group and every group beneath it; where
 * memberships at several ancestors apply, the deepest one decides.
 * A role is a built-in role or the name of a custom role defined in the group or an ancestor.
 */
import { selfAndAncestors } from './groupPath.ts';

export const ROLES = ['reader', 'contributor', 'admin'] as const;
export type BuiltInRole = (typeof ROLES)[number];
/** A built-in role or a custom role's name. */
export type Role = string;

export function isBuiltInRole(value: string): value is BuiltInRole {
  return (ROLES as readonly string[]).includes(value);
}

export const CUSTOM_ROLE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;

/** groupId -> role granted directly at that group. */
export type Memberships = Readonly<Record<string, Role>>;

export interface ResolvedRole {
  role: Role;
  /** The group whose membership decided. */
  grantedAt: string;
}

export function resolveRole(memberships: Memberships, groupId: string): ResolvedRole | undefined {
  for (const candidate of selfAndAncestors(groupId)) {
    const role = memberships[candidate];
    if (role) return { role, grantedAt: candidate };
  }
  return undefined;
}
