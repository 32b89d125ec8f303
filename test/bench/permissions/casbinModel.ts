/**
 * The casbin side of the issue-6 comparison: an RBAC-with-domains model (domain = group id)
 * that gives the same answers as `decide()` in shared/domain/access/permissions.ts.
 *
 * What casbin does natively and what it does not:
 * - `g = _, _, _` links a user to a role *in one domain*. A role granted at `/t3` says nothing
 *   about `/t3/d12`: domains are flat strings.
 * - casbin can widen a domain by pattern (`addDomainMatchingFunc`, e.g. keyMatch on `/t3/*`)
 *   or by a domain hierarchy (`addDomainHierarchy`), but both take the UNION of the roles found
 *   in every matching domain, so an `admin` at `/t3` would still allow `payments:approve` at
 *   `/t3/d12` where a deeper `reader` membership must decide. Priorities (`p_priority`) order
 *   p rules, not g links, so they cannot express "the deepest membership wins" either. Both also
 *   scan every known domain on each g() call. `buildHierarchyEnforcer` below builds that native
 *   variant only to show, on a sample, how it differs; it is not the one compared.
 *
 * So the model below is the plain RBAC-with-domains model, and the tree semantics are
 * materialised into its g links the way a casbin deployment would have to store them: for
 * every user and every group in the subtree of one of their memberships, one link
 * `g, user, <effective role>, group`, where the effective role is the one of the deepest
 * membership above (or at) that group. A deployment keeps these links current on every
 * membership change and every group creation/move (rewriting the affected subtree).
 * The materialisation is computed top-down over the tree (each membership paints its subtree,
 * shallow ones first, deeper ones over them), independently of `decide()`, which walks up from
 * the group instead; the benchmark compares both answers for every query.
 *
 * The p rules give each built-in role its actions as regular expressions (casbin's
 * `regexMatch`), equivalent to BUILT_IN_ROLE_ACTIONS:
 * - reader: actions whose last segment is `read` or `list` (`*:read`, `*:list`);
 * - contributor: the same, plus anything outside `iam:`;
 * - admin: everything;
 * and each custom role one rule per pattern, `*` written as one or more segments.
 */
import { DefaultRoleManager, newEnforcer, newModelFromString, type Adapter, type Enforcer, type Model } from 'casbin';
import { CUSTOM_ROLES, subtree, type BenchData } from './data.ts';

export const CASBIN_MODEL = `
[request_definition]
r = sub, dom, act

[policy_definition]
p = sub, act

[role_definition]
g = _, _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub, r.dom) && regexMatch(r.act, p.act)
`;

const READ = '^[a-z0-9-]+(:[a-z0-9-]+)*:(read|list)$';

/** A custom role's pattern as casbin needs it: a regular expression (`*` = one or more segments). */
export const patternToRegex = (pattern: string) =>
  `^${pattern
    .split(':')
    .map((segment) => (segment === '*' ? '[a-z0-9-]+(:[a-z0-9-]+)*' : segment))
    .join(':')}$`;

export const CASBIN_POLICIES: [string, string][] = [
  ['reader', READ],
  ['contributor', READ],
  ['contributor', '^(?!iam:)[a-z0-9-]+(:[a-z0-9-]+)+$'],
  ['admin', '.*'],
  ...CUSTOM_ROLES.flatMap((role) => role.actions.map((pattern): [string, string] => [role.name, patternToRegex(pattern)])),
];

/** `user, role, group` for every group where the user has an effective role. */
export function materialiseGroupingPolicies(data: BenchData): string[][] {
  const links: string[][] = [];
  for (const user of data.users) {
    const effective = new Map<string, string>();
    const shallowFirst = Object.entries(user.memberships).sort(([a], [b]) => data.byId.get(a)!.depth - data.byId.get(b)!.depth);
    for (const [groupId, role] of shallowFirst) {
      for (const id of subtree(data.byId, groupId)) effective.set(id, role);
    }
    for (const [groupId, role] of effective) links.push([user.id, role, groupId]);
  }
  return links;
}

/**
 * A read-only in-memory adapter: what a database adapter does on loadPolicy (append each stored
 * row to the model, as casbin's own PolicyLoader does), without a CSV round trip.
 * `Model.addPolicies` is not used for loading: it checks each rule against every existing one
 * (a linear scan), which is quadratic for hundreds of thousands of links.
 */
class MemoryAdapter implements Adapter {
  constructor(private readonly rows: { ptype: 'p' | 'g'; rules: string[][] }[]) {}

  async loadPolicy(model: Model): Promise<void> {
    for (const { ptype, rules } of this.rows) {
      const assertion = model.model.get(ptype)?.get(ptype);
      if (!assertion) throw new Error(`The model has no ${ptype} section`);
      for (const rule of rules) assertion.policy.push(rule);
    }
  }

  async savePolicy(): Promise<boolean> {
    return false;
  }

  async addPolicy(): Promise<void> {
    throw new Error('read-only adapter');
  }

  async removePolicy(): Promise<void> {
    throw new Error('read-only adapter');
  }

  async removeFilteredPolicy(): Promise<void> {
    throw new Error('read-only adapter');
  }
}

export interface CasbinSetup {
  enforcer: Enforcer;
  groupingPolicies: number;
  materialiseMs: number;
  loadMs: number;
}

export async function buildCasbinEnforcer(data: BenchData): Promise<CasbinSetup> {
  const materialiseStarted = performance.now();
  const links = materialiseGroupingPolicies(data);
  const materialiseMs = performance.now() - materialiseStarted;
  const loadStarted = performance.now();
  const adapter = new MemoryAdapter([
    { ptype: 'p', rules: CASBIN_POLICIES.map(([role, pattern]) => [role, pattern]) },
    { ptype: 'g', rules: links },
  ]);
  const enforcer = await newEnforcer(newModelFromString(CASBIN_MODEL), adapter);
  return { enforcer, groupingPolicies: links.length, materialiseMs, loadMs: performance.now() - loadStarted };
}

/**
 * NOT the compared model: casbin's native domain hierarchy. One g link per membership, at its
 * own group, and a second role manager holding the group tree (parent -> child), so a role at
 * `/t3` also holds at `/t3/d12`. The roles of all ancestor domains are merged (a union), so the
 * deepest-membership rule is lost where memberships nest.
 */
export async function buildHierarchyEnforcer(data: BenchData): Promise<Enforcer> {
  const links = data.users.flatMap((user) => Object.entries(user.memberships).map(([groupId, role]) => [user.id, role, groupId]));
  const adapter = new MemoryAdapter([
    { ptype: 'p', rules: CASBIN_POLICIES.map(([role, pattern]) => [role, pattern]) },
    { ptype: 'g', rules: links },
  ]);
  const enforcer = await newEnforcer(newModelFromString(CASBIN_MODEL), adapter);
  const domains = new DefaultRoleManager(data.shape.maxDepth + 1);
  for (const group of data.groups) if (group.parent !== '/') await domains.addLink(group.parent, group.id);
  const roles = enforcer.getRoleManager();
  if (!(roles instanceof DefaultRoleManager)) throw new Error("Expected casbin's DefaultRoleManager");
  await roles.addDomainHierarchy(domains);
  return enforcer;
}
