/**
 * Actions and what roles allow. An action is `service:verb` or `service:resource:verb`
 * (`payments:approve`, `accounts:read`, `iam:users:invite`). Patterns may use `*` for one or
 * more segments: `payments:*`, `*:read`, `*`.
 *
 * Built-in roles:
 * - `reader` reads: any action whose verb is `read` or `list`, except the audit trail (`iam:audit:*`).
 * - `contributor` reads the same and may do anything outside IAM (business data).
 * - `admin` may do everything, IAM included.
 */
import { resolveRole, type BuiltInRole, type Memberships, type ResolvedRole } from '../roles.ts';

export const ACTION_PATTERN = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)+$/;
export const ACTION_OR_WILDCARD_PATTERN = /^(\*|[a-z][a-z0-9-]*)(:(\*|[a-z][a-z0-9-]*))*$/;

/** Bounds on what a caller may send, so every check costs a small, fixed amount of work. */
export const ACTION_LIMITS = { maxLength: 128, maxSegments: 8, maxPatternsPerRole: 50 } as const;

export const segmentCount = (actionOrPattern: string): number => actionOrPattern.split(':').length;

const READ_PATTERNS = ['*:read', '*:list'];

/**
 * Compiled action patterns: `*` stands for one or more segments. An action is matched segment by
 * segment, keeping every pattern position reachable so far as bits of one number (a bit-parallel
 * NFA run, no backtracking), so a check costs at most segments of the action × patterns of the
 * role, whatever the patterns. No regular expression is ever built from a pattern.
 */
export type ActionMatcher = (actionSegments: readonly string[]) => boolean;

// Validation allows 8 segments; a longer stored pattern would not fit the bits, so it matches nothing.
const MAX_COMPILED_SEGMENTS = 30;

/** One matcher for a role's patterns: allows an action that any of them matches. */
export function compilePatterns(patterns: readonly string[]): ActionMatcher {
  const literalIds = new Map<string, number>();
  const split = patterns.map((pattern) => pattern.split(':')).filter((segments) => segments.length <= MAX_COMPILED_SEGMENTS);
  for (const segments of split)
    for (const segment of segments) if (segment !== '*' && !literalIds.has(segment)) literalIds.set(segment, literalIds.size);
  const width = literalIds.size;
  // Per pattern p: stars[p] bit i = segment i is `*`; literals[p * width + n] bit i = segment i is literal n;
  // accept[p] = the bit set once every segment has matched.
  const stars = new Int32Array(split.length);
  const accept = new Int32Array(split.length);
  const literals = new Int32Array(split.length * width);
  split.forEach((segments, p) => {
    accept[p] = 1 << segments.length;
    segments.forEach((segment, i) => {
      if (segment === '*') stars[p]! |= 1 << i;
      else literals[p * width + literalIds.get(segment)!]! |= 1 << i;
    });
  });

  return (action) => {
    const ids = action.map((segment) => literalIds.get(segment) ?? -1);
    for (let p = 0; p < split.length; p++) {
      const patternStars = stars[p]!;
      const row = p * width;
      let states = 1; // bit i: the first i pattern segments have matched the action so far
      for (let j = 0; j < ids.length && states !== 0; j++) {
        const starsHere = action[j]!.length > 0 ? patternStars : 0;
        const id = ids[j]!;
        const matching = starsHere | (id >= 0 ? literals[row + id]! : 0);
        // Advance where segment i matches; a `*` that has taken a segment (state i + 1) may take this one too.
        states = ((states & matching) << 1) | (states & (starsHere << 1));
      }
      if (states & accept[p]!) return true;
    }
    return false;
  };
}

export const compilePattern = (pattern: string): ActionMatcher => compilePatterns([pattern]);

export function matchesPattern(pattern: string, action: string): boolean {
  return compilePattern(pattern)(action.split(':'));
}

const isRead = compilePatterns(READ_PATTERNS);

/** The actions of each built-in role, as patterns (for listing), and the rule that decides. */
/** Reading the audit trail is for admins and custom roles that name it: `*:read` stops short of `iam:audit:*`. */
const isAudit = (action: readonly string[]) => action[0] === 'iam' && action[1] === 'audit';
const READ_EXCEPTION = '(except iam:audit:*)';

export const BUILT_IN_ROLE_ACTIONS: Record<BuiltInRole, { patterns: string[]; allows: ActionMatcher }> = {
  reader: { patterns: [...READ_PATTERNS, READ_EXCEPTION], allows: (action) => isRead(action) && !isAudit(action) },
  contributor: {
    patterns: [...READ_PATTERNS, '* (except iam:*)', READ_EXCEPTION],
    allows: (action) => (!(action[0] === 'iam' && action.length > 1) || isRead(action)) && !isAudit(action),
  },
  admin: { patterns: ['*'], allows: () => true },
};

/** A custom role: the action patterns it allows, defined in a group and usable in its subtree. */
export interface CustomRoleDefinition {
  name: string;
  actions: string[];
  definedAt: string;
}

/** Finds the definition a membership's custom role refers to (the nearest one at or above the membership's group). */
export type CustomRoleLookup = (name: string, membershipGroup: string) => CustomRoleDefinition | undefined;

/** Each custom role definition's patterns, compiled the first time a check needs them. */
const compiledRoles = new WeakMap<CustomRoleDefinition, ActionMatcher>();

function customRoleMatcher(definition: CustomRoleDefinition): ActionMatcher {
  let matcher = compiledRoles.get(definition);
  if (!matcher) {
    matcher = compilePatterns(definition.actions);
    compiledRoles.set(definition, matcher);
  }
  return matcher;
}

function allowsSegments(role: string, action: readonly string[], grantedAt: string, lookup?: CustomRoleLookup): boolean {
  const builtIn = BUILT_IN_ROLE_ACTIONS[role as BuiltInRole];
  if (builtIn) return builtIn.allows(action);
  const definition = lookup?.(role, grantedAt);
  return definition ? customRoleMatcher(definition)(action) : false;
}

export function roleAllows(role: string, action: string, grantedAt: string, lookup?: CustomRoleLookup): boolean {
  return allowsSegments(role, action.split(':'), grantedAt, lookup);
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
  const allowed = allowsSegments(resolved.role, action.split(':'), resolved.grantedAt, customRoles);
  return {
    allowed,
    role: resolved.role,
    grantedAt: resolved.grantedAt,
    reason: `${resolved.role} at ${resolved.grantedAt} ${allowed ? 'allows' : 'does not allow'} ${action}`,
  };
}
