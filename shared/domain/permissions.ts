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
import { resolveRole, type Memberships, type ResolvedRole, type Role } from './roles.ts';

export const ACTION_PATTERN = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)+$/;
export const ACTION_OR_WILDCARD_PATTERN = /^(\*|[a-z][a-z0-9-]*)(:(\*|[a-z][a-z0-9-]*))*$/;

const READ_PATTERNS = ['*:read', '*:list'];

/** The actions of each built-in role, as patterns (for listing), and the rule that decides. */
export const BUILT_IN_ROLE_ACTIONS: Record<Role, { patterns: string[]; allows: (action: string) => boolean }> = {
  reader: { patterns: READ_PATTERNS, allows: (action) => isRead(action) },
  contributor: { patterns: [...READ_PATTERNS, '* (except iam:*)'], allows: (action) => isRead(action) || !action.startsWith('iam:') },
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

/** A custom role: patterns the role allows. */
export interface CustomRoleDefinition {
  name: string;
  actions: string[];
}

export function roleAllows(role: string, action: string, customRoles: ReadonlyMap<string, CustomRoleDefinition> = new Map()): boolean {
  const builtIn = BUILT_IN_ROLE_ACTIONS[role as Role];
  if (builtIn) return builtIn.allows(action);
  return customRoles.get(role)?.actions.some((pattern) => matchesPattern(pattern, action)) ?? false;
}

export interface Decision {
  allowed: boolean;
  role: string | null;
  grantedAt: string | null;
  reason: string;
}

/** May someone with these memberships do `action` at `groupId`? The deepest membership on the path decides. */
export function decide(memberships: Memberships | Record<string, string>, groupId: string, action: string, customRoles?: ReadonlyMap<string, CustomRoleDefinition>): Decision {
  const resolved: ResolvedRole | undefined = resolveRole(memberships as Memberships, groupId);
  if (!resolved) return { allowed: false, role: null, grantedAt: null, reason: `No membership at ${groupId} or above it` };
  const allowed = roleAllows(resolved.role, action, customRoles);
  return {
    allowed,
    role: resolved.role,
    grantedAt: resolved.grantedAt,
    reason: `${resolved.role} at ${resolved.grantedAt} ${allowed ? 'allows' : 'does not allow'} ${action}`,
  };
}
