/**
 * Generated data for the check-evaluation benchmark (issue 6): a group tree, users with
 * memberships, and a list of (user, group, action) queries. Everything comes from one seeded
 * PRNG, so every run (and both evaluators) sees exactly the same data.
 */
/** The built-in roles (`ROLES` in shared/domain/roles.ts). */
export type BuiltIn = 'reader' | 'contributor' | 'admin';
export const ROLES: readonly BuiltIn[] = ['reader', 'contributor', 'admin'];

/** Custom roles, defined at `/` so usable everywhere, as a business would define them with `POST /roles`. */
export const CUSTOM_ROLES: readonly { name: string; actions: string[] }[] = [
  { name: 'payments-approver', actions: ['payments:*', 'accounts:read'] },
  { name: 'auditor', actions: ['*:read', '*:list', 'reports:*'] },
  { name: 'user-admin', actions: ['iam:users:*', 'iam:groups:read'] },
];
/** Business reads/lists, a business write, an IAM write and an IAM read. */
export const ACTIONS = [
  'payments:approve',
  'accounts:read',
  'iam:users:invite',
  'iam:groups:read',
  'reports:list',
  'reports:export',
] as const;

/** Segment prefix per depth: tenant, department, unit, team, squad, pod. */
const PREFIXES = ['t', 'd', 'u', 'm', 's', 'p'];

export interface DataShape {
  seed: number;
  users: number;
  groups: number;
  tenants: number;
  maxDepth: number;
  membershipsPerUser: number;
  queries: number;
  /** Share of queries aimed inside the subtree of one of the user's memberships; the rest pick any group. */
  inReachShare: number;
  /** Share of memberships granting a custom role; the rest grant a built-in one. */
  customRoleShare: number;
}

export const DEFAULT_SHAPE: DataShape = {
  seed: 0x1a6,
  users: 10_000,
  groups: 1_000,
  tenants: 10,
  maxDepth: 6,
  membershipsPerUser: 3,
  queries: 100_000,
  inReachShare: 0.5,
  customRoleShare: 0.2,
};

export interface Group {
  id: string;
  depth: number;
  parent: string;
  children: string[];
}

export interface User {
  id: string;
  /** groupId -> role (built-in or custom), exactly the map the authorizer hands over in the caller context. */
  memberships: Record<string, string>;
}

export interface Query {
  user: number;
  groupId: string;
  action: string;
}

export interface BenchData {
  shape: DataShape;
  groups: Group[];
  byId: Map<string, Group>;
  users: User[];
  queries: Query[];
  depthCounts: number[];
}

/** mulberry32: small, fast, deterministic; good enough to pick test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Every group of the subtree rooted at `id`, itself first (depth-first). */
export function subtree(byId: Map<string, Group>, id: string): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    out.push(current);
    stack.push(...byId.get(current)!.children);
  }
  return out;
}

export function generateData(shape: DataShape = DEFAULT_SHAPE): BenchData {
  const random = seededRandom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  // Tree: `tenants` groups under `/`, then each further group under a random existing group
  // that is less than maxDepth deep (a random recursive tree, capped at maxDepth).
  const root: Group = { id: '/', depth: 0, parent: '', children: [] };
  const byId = new Map<string, Group>([['/', root]]);
  const groups: Group[] = [];
  const canParent: Group[] = [];
  const counters = PREFIXES.map(() => 0);
  const addGroup = (parent: Group) => {
    const depth = parent.depth + 1;
    const segment = `${PREFIXES[depth - 1]}${counters[depth - 1]!++}`;
    const id = parent.id === '/' ? `/${segment}` : `${parent.id}/${segment}`;
    const group: Group = { id, depth, parent: parent.id, children: [] };
    parent.children.push(id);
    byId.set(id, group);
    groups.push(group);
    if (depth < shape.maxDepth) canParent.push(group);
  };
  for (let i = 0; i < shape.tenants; i++) addGroup(root);
  while (groups.length < shape.groups) addGroup(pick(canParent));

  // Users: `membershipsPerUser` memberships each, at distinct random groups, random roles (a share of them custom).
  const customNames = CUSTOM_ROLES.map((role) => role.name);
  const users: User[] = [];
  for (let i = 0; i < shape.users; i++) {
    const memberships: Record<string, string> = {};
    while (Object.keys(memberships).length < shape.membershipsPerUser)
      memberships[pick(groups).id] = random() < shape.customRoleShare ? pick(customNames) : pick(ROLES);
    users.push({ id: `user-${String(i).padStart(5, '0')}@bench.example`, memberships });
  }

  // Queries: half aimed inside the reach of one of the user's memberships (where the
  // deepest-membership rule has something to decide), half at any group.
  const subtrees = new Map<string, string[]>();
  const reach = (id: string) => subtrees.get(id) ?? subtrees.set(id, subtree(byId, id)).get(id)!;
  const queries: Query[] = [];
  for (let i = 0; i < shape.queries; i++) {
    const user = Math.floor(random() * users.length);
    const groupId = random() < shape.inReachShare ? pick(reach(pick(Object.keys(users[user]!.memberships)))) : pick(groups).id;
    queries.push({ user, groupId, action: pick(ACTIONS) });
  }

  const depthCounts = Array.from({ length: shape.maxDepth + 1 }, () => 0);
  for (const group of groups) depthCounts[group.depth]!++;
  return { shape, groups, byId, users, queries, depthCounts };
}
