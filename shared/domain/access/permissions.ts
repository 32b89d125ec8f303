/**
 * Actions and what roles allow. An action is `service:verb` or `service:resource:verb`
 * (`payments:approve`, `accounts:read`, `iam:users:invite`). Patterns may use `*` for one or
 * more segments: `payments:*`, `*:read`, `*`.
 *
 * Built-in roles:
 * - `reader` reads: any action whose verb is `read` or `list`.
 * - `contributor` reads everything and may do anything outside IAM (business data).
 * - `admin` may do everything, IAM included.
 */
import { resolveRole, type BuiltInRole, type Memberships, type ResolvedRole } from '../roles.ts';

export const ACTION_PATTERN = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)+$/;
export const ACTION_OR_WILDCARD_PATTERN = /^(\*|[a-z][a-z0-9-]*)(:(\*|[a-z][a-z0-9-]*))*$/;

const READ_PATTERNS = ['*:read', '*:list'];

/** The actions of each built-in role, as patterns (for listing), and the rule that decides. */
export const BUILT_IN_ROLE_ACTIONS: Record<BuiltInRole, { patterns: string[]; allows: (action: string) => boolean }> = {
  reader: { patterns: READ_PATTERNS, allows: (action) => isRead(action) },
  contributor: {
    patterns: [...READ_PATTERNS, '* (except iam:*)'],
    allows: (action) => isRead(action) || !action.startsWith('iam:'),
  },
  admin: { patterns: ['*'], allows: () => true },
};

function isRead(action: string): boolean {
  return READ_PATTERNS.some((pattern) => matchesPattern(pattern, action));
}

export function matchesPattern(pattern: string, action: string): boolean {
  const regex = pattern
    .split(':')
    .map((segment) => (segment === '*' ? '[a-z0-9-]+(?::[a-z0-9-]+)*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join(':');
  return new RegExp(`^${regex}$`).test(action);
}

/** A custom role: the action patterns it allows, defined in a group and usable in its subtree. */
export interface CustomRoleDefinition {
  name: string;
  actions: string[];
  definedAt: string;
}

/** Finds the definition a membership's custom role refers to (the nearest one at or above the membership's group). */
export type CustomRoleLookup = (name: string, membershipGroup: string) => CustomRoleDefinition | undefined;

export function roleAllows(role: string, action: string, grantedAt: string, lookup?: CustomRoleLookup): boolean {
  const builtIn = BUILT_IN_ROLE_ACTIONS[role as BuiltInRole];
  if (builtIn) return builtIn.allows(action);
  return lookup?.(role, grantedAt)?.actions.some((pattern) => matchesPattern(pattern, action)) ?? false;
}

/** The action patterns a role allows, for listing. */
export function roleActionPatterns(role: string, grantedAt: string, lookup?: CustomRoleLookup): string[] {
  return BUILT_IN_ROLE_ACTIONS[role as BuiltInRole]?.patterns ?? lookup?.(role, grantedAt)?.actions ?? [];
}

export interface Decision {
  allowed: boolean;
  role: string | null;
  grantedAt: string | null;
  reason: string;
}

/** May someone with these memberships do `action` at `groupId`? The deepest membership on the path decides. */
export function decide(memberships: Memberships, groupId: string, action: string, customRoles?: CustomRoleLookup): Decision {
  const resolved: ResolvedRole | undefined = resolveRole(memberships, groupId);
  if (!resolved) return { allowed: false, role: null, grantedAt: null, reason: `No membership at ${groupId} or above it` };
  const allowed = roleAllows(resolved.role, action, resolved.grantedAt, customRoles);
  return {
    allowed,
    role: resolved.role,
    grantedAt: resolved.grantedAt,
    reason: `${resolved.role} at ${resolved.grantedAt} ${allowed ? 'allows' : 'does not allow'} ${action}`,
  };
}
