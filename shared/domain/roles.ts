/**
 * Built-in roles and how a caller's memberships resolve to a role at a group.
 * A membership grants its role at a group and every group beneath it; where
 * memberships at several ancestors apply, the deepest one decides.
 */
import { selfAndAncestors } from './groupPath.ts';

export const ROLES = ['reader', 'contributor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { reader: 1, contributor: 2, admin: 3 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleSatisfies(actual: Role | undefined, required: Role): boolean {
  return actual !== undefined && RANK[actual] >= RANK[required];
}

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
