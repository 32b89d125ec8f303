/** The body of the report section "Check evaluation vs casbin (issue 6)" (the heading is in test/bench/report.ts). */
import type { PermissionsBenchResult } from './permissionsBench.ts';
import { CASBIN_MODEL } from './casbinModel.ts';
import { CUSTOM_ROLES } from './data.ts';

const int = (value: number) => Math.round(value).toLocaleString('en');
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const runs = (values: number[]) => values.map(int).join(', ');

export function renderPermissionsSection(result: PermissionsBenchResult): string {
  const { shape, outcomes, casbin, hierarchy } = result;
  const depths = result.depthCounts
    .map((count, depth) => (depth === 0 ? '' : `${count} at depth ${depth}`))
    .filter(Boolean)
    .join(', ');
  const share = (count: number) => `${fixed((100 * count) / shape.queries)} %`;

  return `In process, one Node.js thread, no I/O: our \`decide(memberships, groupId, action)\` (\`shared/domain/access/permissions.ts\`, what
the check API and the route guard call) side by side with casbin ${casbin.version}'s RBAC-with-domains enforcer, on the same
generated data and the same query list (\`test/bench/permissions/\`; ${fixed(result.durationSeconds, 0)} s of this run).

- Data (seeded PRNG, seed ${shape.seed}): ${int(shape.groups)} groups under \`/\` (${depths}; ids like \`/t3/d12/u40\`),
  ${int(shape.users)} users with ${shape.membershipsPerUser} memberships each at distinct random groups; ${fixed(shape.customRoleShare * 100, 0)} % of memberships grant a custom role
  (${CUSTOM_ROLES.map((role) => `\`${role.name}\` = ${role.actions.map((action) => `\`${action}\``).join(', ')}`).join('; ')}; defined at \`/\`), the others a random built-in role.
  Each user's memberships map is built once, as the authorizer hands it over; the custom roles' definitions are the same objects
  on every check, as the function's 30-second cache holds them, so each role's matcher is compiled once.
- Queries: ${int(shape.queries)} random (user, group, action); ${fixed(shape.inReachShare * 100, 0)} % at a random group inside the subtree of one of the user's
  memberships, the rest at any group. Actions: ${result.actions.map((action) => `\`${action}\``).join(', ')}. Outcomes: ${share(outcomes.allowed)} allowed,
  ${share(outcomes.deniedWithRole)} denied by the role that applies, ${share(outcomes.noMembership)} denied with no membership on the path; ${int(outcomes.deeperOverrides)} queries have
  nested memberships on the path (a deeper one decides).
- **Both answers agree for all ${int(result.agreement.compared)} queries** (the bench fails otherwise), and for the ${int(result.agreement.rolesCompared)} allowed ones casbin's
  matched rule (\`enforceExSync\`) names the same role as \`decide()\`.
- Timing: one full warm-up pass each, then ${result.ours.length} rounds, taking turns; each round times every query once. Rate = queries ÷ CPU seconds of this process
  (\`process.cpuUsage()\`: time spent descheduled on the shared machine does not count); median of the rounds.

| Evaluator | Decisions per second, median | Rounds |
|---|---|---|
| ours: \`decide()\` | **${int(result.oursMedian)}** | ${runs(result.ours)} |
| casbin \`enforceSync()\` | **${int(result.theirsMedian)}** | ${runs(result.theirs)} |
| casbin \`await enforce()\` (first ${int(result.asyncQueries)} queries) | ${int(result.theirsAsyncMedian)} | ${runs(result.theirsAsync)} |

**Ours ÷ casbin's: ${fixed(result.ratio, 2)}×** (against casbin's faster, synchronous path; ${fixed(result.oursMedian / result.theirsAsyncMedian, 1)}× against its async \`enforce()\`).

### The worst allowed custom role (issue 11)

The largest role the API accepts (${result.worstCase.patterns} patterns like \`${result.worstCase.pattern}\`) against the longest action it accepts
(\`${result.worstCase.action}\`, ${result.worstCase.action.length} characters, ${result.worstCase.action.split(':').length} segments, matching no pattern, so every pattern runs to the end), next to an
ordinary check (\`reader\` and \`accounts:read\`), both through \`decide()\` at a group 6 levels deep. ${int(result.worstCase.checksPerRound)} checks per round,
${result.worstCase.rounds} rounds taking turns, CPU time per check:

| Check | µs per check, median | Rounds |
|---|---|---|
| worst allowed role, longest action | **${fixed(result.worstCase.worstMedian, 2)}** | ${result.worstCase.worstMicros.map((value) => fixed(value, 2)).join(', ')} |
| ordinary | **${fixed(result.worstCase.ordinaryMedian, 2)}** | ${result.worstCase.ordinaryMicros.map((value) => fixed(value, 2)).join(', ')} |

Worst ÷ ordinary: ${fixed(result.worstCase.worstMedian / result.worstCase.ordinaryMedian, 1)}×; the limit is 5 µs per check. Patterns are matched segment by segment by a compiled
bit-parallel automaton (\`compilePatterns\` in \`shared/domain/permissions.ts\`), never by a regular expression built from a pattern.

### The casbin model

Plain RBAC with domains, the domain being the group id:

\`\`\`ini
${CASBIN_MODEL.trim()}
\`\`\`

${casbin.policies} p rules give the built-in roles their actions, as in \`BUILT_IN_ROLE_ACTIONS\`, and each custom role one rule per pattern:

\`\`\`csv
${casbin.policyRows.map((row) => row.join(', ')).join('\n')}
\`\`\`

casbin's domains are flat: a role at \`/t3\` says nothing about \`/t3/d12\`. Inheritance down the tree and "the deepest
membership decides" are therefore materialised into g links, as a casbin deployment would have to store them: for every
user and every group in the subtree of one of their memberships, one link \`g, <user>, <effective role>, <group>\`, the
effective role being that of the deepest membership at or above the group (each membership paints its subtree, shallow ones
first). That is **${int(casbin.groupingPolicies)} g links** for ${int(shape.users * shape.membershipsPerUser)} memberships (computed in ${fixed(casbin.materialiseMs, 0)} ms, loaded through an
in-memory adapter in ${fixed(casbin.loadMs, 0)} ms), and a deployment must rewrite a subtree's links on every membership change and
group creation or move. Ours stores the ${int(shape.users * shape.membershipsPerUser)} memberships as they are and walks up at most ${shape.maxDepth + 1} ids per check.

casbin's native alternatives do not give the same answers: a domain matching function (\`keyMatch\`-style on \`/t3/*\`) or a
domain hierarchy (\`addDomainHierarchy\`) merges the roles of every matching domain (a union), so a shallower admin still
allows where a deeper reader should decide, and priorities order p rules, not g links. Tried here on ${int(hierarchy.sample)} queries (all
${int(hierarchy.nestedInSample)} with nested memberships on the path first), with one g link per membership and the group tree as casbin's domain
hierarchy: ${int(hierarchy.disagreements)} answers differ from \`decide()\`${hierarchy.example ? ` (e.g. ${hierarchy.example})` : ''}, at ${int(hierarchy.decisionsPerSecond)} decisions
per second (each g() call scans every domain). Not used for the ratio.

DynamoDB requests of checks against the local stack, counted: section 5.
`;
}
