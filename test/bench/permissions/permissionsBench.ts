/**
 * Issue 6, "Measure": check evaluation in process, ours (`decide()`) side by side with casbin's
 * RBAC-with-domains enforcer on the same generated data and the same query list. Both answers
 * are compared for every query; any difference throws (the bench then exits non-zero).
 * No local stack is needed: this is pure CPU work in this process.
 */
import { readFileSync } from 'node:fs';
import {
  ACTION_LIMITS,
  decide,
  type CustomRoleDefinition,
  type CustomRoleLookup,
} from '../../../shared/domain/access/permissions.ts';
import { selfAndAncestors } from '../../../shared/domain/groupPath.ts';
import { median } from '../stats.ts';
import { buildCasbinEnforcer, buildHierarchyEnforcer, CASBIN_POLICIES } from './casbinModel.ts';
import { ACTIONS, CUSTOM_ROLES, DEFAULT_SHAPE, generateData, type BenchData, type DataShape, type Query } from './data.ts';

/** The custom roles' definitions, as the function's 30-second cache holds them: the same objects on every check. */
const definitions = new Map<string, CustomRoleDefinition>(CUSTOM_ROLES.map((role) => [role.name, { ...role, definedAt: '/' }]));
const customRoles: CustomRoleLookup = (name) => definitions.get(name);

export const RUNS = 7;
/** casbin's async enforce() is timed on the first this-many queries (it is several times slower). */
export const ASYNC_QUERIES = 20_000;
/** The native domain-hierarchy variant is tried on the first this-many queries (it scans every domain per g() call). */
export const HIERARCHY_SAMPLE = 1_000;

/** The largest role the API accepts against the longest action it accepts, next to an ordinary check. */
export interface WorstCaseResult {
  pattern: string;
  patterns: number;
  action: string;
  checksPerRound: number;
  rounds: number;
  worstMicros: number[];
  ordinaryMicros: number[];
  worstMedian: number;
  ordinaryMedian: number;
}

export const WORST_CASE_CHECKS = 20_000;

/** CPU seconds this process used since `start` (a `process.cpuUsage()` reading). */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
export const WORST_CASE_ROUNDS = 9;

export function measureWorstCase(): WorstCaseResult {
  const segments = ACTION_LIMITS.maxSegments;
  const patterns = Array.from(
    { length: ACTION_LIMITS.maxPatternsPerRole },
    (_, i) =>
      `${Array(segments - 1)
        .fill('*')
        .join(':')}:p${i}`,
  );
  const worst: CustomRoleDefinition = { name: 'many-stars', actions: patterns, definedAt: '/' };
  const lookup: CustomRoleLookup = (name) => (name === worst.name ? worst : undefined);
  // 8 segments, 128 characters, matching no pattern's last segment: every pattern runs to the end.
  const letters = ACTION_LIMITS.maxLength - (segments - 1);
  const action = Array.from({ length: segments }, (_, i) => 'a'.repeat(i === 0 ? letters - 15 * (segments - 1) : 15)).join(':');
  const groupId = '/t0/d0/u0/m0/s0/p0';
  const worstMemberships = { '/t0': worst.name };
  const ordinaryMemberships = { '/t0': 'reader' };
  // CPU time of this process (µs): time spent descheduled on a shared machine does not count.
  const time = (run: () => unknown): number => {
    const start = process.cpuUsage();
    for (let i = 0; i < WORST_CASE_CHECKS; i++) run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / WORST_CASE_CHECKS;
  };
  const worstCheck = () => decide(worstMemberships, groupId, action, lookup);
  const ordinaryCheck = () => decide(ordinaryMemberships, groupId, 'accounts:read', lookup);
  if (worstCheck().allowed || !ordinaryCheck().allowed) throw new Error('worst-case bench: unexpected answers');
  time(worstCheck);
  time(ordinaryCheck);
  const worstMicros: number[] = [];
  const ordinaryMicros: number[] = [];
  for (let round = 0; round < WORST_CASE_ROUNDS; round++) {
    worstMicros.push(time(worstCheck));
    ordinaryMicros.push(time(ordinaryCheck));
  }
  return {
    pattern: patterns[0]!,
    patterns: patterns.length,
    action,
    checksPerRound: WORST_CASE_CHECKS,
    rounds: WORST_CASE_ROUNDS,
    worstMicros,
    ordinaryMicros,
    worstMedian: median(worstMicros),
    ordinaryMedian: median(ordinaryMicros),
  };
}

export interface PermissionsBenchResult {
  worstCase: WorstCaseResult;
  shape: DataShape;
  actions: readonly string[];
  depthCounts: number[];
  generateMs: number;
  /** How the queries fall: allowed, denied with a role, denied without any membership on the path. */
  outcomes: { allowed: number; deniedWithRole: number; noMembership: number; deeperOverrides: number };
  agreement: { compared: number; disagreements: number; rolesCompared: number };
  casbin: {
    version: string;
    api: string;
    policies: number;
    groupingPolicies: number;
    materialiseMs: number;
    loadMs: number;
    policyRows: string[][];
  };
  /** Decisions per second of each timed run, in run order. */
  ours: number[];
  theirs: number[];
  /** casbin's async `enforce()` (what its README shows), on the first ASYNC_QUERIES queries, in the same rounds. */
  theirsAsync: number[];
  asyncQueries: number;
  /** casbin's native domain hierarchy (a union of ancestor roles): not compared, shown to explain the model. */
  hierarchy: { sample: number; decisionsPerSecond: number; disagreements: number; nestedInSample: number; example?: string };
  oursMedian: number;
  theirsMedian: number;
  theirsAsyncMedian: number;
  ratio: number;
  durationSeconds: number;
}

function casbinVersion(): string {
  const path = new URL('../../../node_modules/casbin/package.json', import.meta.url);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

function describeOutcomes(data: BenchData) {
  const outcomes = { allowed: 0, deniedWithRole: 0, noMembership: 0, deeperOverrides: 0 };
  for (const query of data.queries) {
    const memberships = data.users[query.user]!.memberships;
    const decision = decide(memberships, query.groupId, query.action, customRoles);
    if (decision.allowed) outcomes.allowed++;
    else if (decision.role) outcomes.deniedWithRole++;
    else outcomes.noMembership++;
    if (selfAndAncestors(query.groupId).filter((id) => memberships[id]).length > 1) outcomes.deeperOverrides++;
  }
  return outcomes;
}

async function tryNativeHierarchy(data: BenchData, log: (message: string) => void): Promise<PermissionsBenchResult['hierarchy']> {
  const enforcer = await buildHierarchyEnforcer(data);
  // Every query where memberships nest on the path (where the two semantics can differ), then others, up to the sample size.
  const nests = (query: Query) =>
    selfAndAncestors(query.groupId).filter((id) => data.users[query.user]!.memberships[id]).length > 1;
  const nested = data.queries.filter(nests);
  const sample = [...nested, ...data.queries.filter((query) => !nests(query))].slice(
    0,
    Math.min(HIERARCHY_SAMPLE, data.queries.length),
  );
  const ask = (query: (typeof sample)[number]) => enforcer.enforceSync(data.users[query.user]!.id, query.groupId, query.action);
  sample.slice(0, 100).forEach(ask);
  let disagreements = 0;
  let nestedInSample = 0;
  let example: string | undefined;
  let seconds = 0;
  for (const query of sample) {
    const user = data.users[query.user]!;
    const start = performance.now();
    const theirs = ask(query);
    seconds += (performance.now() - start) / 1000;
    const ours = decide(user.memberships, query.groupId, query.action, customRoles);
    if (nests(query)) nestedInSample++;
    if (theirs !== ours.allowed) {
      disagreements++;
      example ??= `\`${query.action}\` at \`${query.groupId}\` for a user with ${Object.entries(user.memberships)
        .filter(([id]) => selfAndAncestors(query.groupId).includes(id))
        .map(([id, role]) => `${role} at \`${id}\``)
        .join(' and ')}: casbin ${theirs ? 'allows' : 'denies'}, decide() ${ours.allowed ? 'allows' : 'denies'}`;
    }
  }
  const decisionsPerSecond = sample.length / seconds;
  log(
    `permissions: native domain hierarchy on ${sample.length} queries: ${decisionsPerSecond.toFixed(0)}/s, ${disagreements} disagreements`,
  );
  return { sample: sample.length, decisionsPerSecond, disagreements, nestedInSample, example };
}

export async function runPermissionsBench(
  log: (message: string) => void = () => {},
  shape: DataShape = DEFAULT_SHAPE,
): Promise<PermissionsBenchResult> {
  const started = performance.now();
  const data = generateData(shape);
  const generateMs = performance.now() - started;
  const { users, queries } = data;
  log(
    `permissions: ${data.groups.length} groups, ${users.length} users, ${queries.length} queries (${generateMs.toFixed(0)} ms)`,
  );

  const setup = await buildCasbinEnforcer(data);
  const { enforcer } = setup;
  log(
    `permissions: casbin loaded ${setup.groupingPolicies} g links (materialised in ${setup.materialiseMs.toFixed(0)} ms, loaded in ${setup.loadMs.toFixed(0)} ms)`,
  );

  // Every query, both answers; for allowed ones also the role casbin matched (enforceEx names the p rule).
  const disagreements: string[] = [];
  let rolesCompared = 0;
  for (const query of queries) {
    const user = users[query.user]!;
    const ours = decide(user.memberships, query.groupId, query.action, customRoles);
    const theirs = enforcer.enforceSync(user.id, query.groupId, query.action);
    if (ours.allowed !== theirs) {
      disagreements.push(
        `${user.id} ${query.action} at ${query.groupId}: ours ${ours.allowed} (${ours.reason}), casbin ${theirs}`,
      );
      continue;
    }
    if (theirs) {
      const [, rule] = enforcer.enforceExSync(user.id, query.groupId, query.action);
      rolesCompared++;
      if (rule[0] !== ours.role)
        disagreements.push(
          `${user.id} ${query.action} at ${query.groupId}: ours role ${ours.role}, casbin matched ${rule.join(', ')}`,
        );
    }
  }
  if (disagreements.length > 0) {
    throw new Error(
      `casbin and decide() disagree on ${disagreements.length} of ${queries.length} queries, e.g.:\n${disagreements.slice(0, 10).join('\n')}`,
    );
  }
  log(`permissions: all ${queries.length} answers agree (${rolesCompared} allowed ones by the same role)`);

  // Inputs resolved up front, so the timed loops only call the evaluators.
  const subjects = queries.map((query) => users[query.user]!);
  const oursPass = (): number => {
    let allowed = 0;
    const start = process.cpuUsage();
    for (let i = 0; i < queries.length; i++)
      if (decide(subjects[i]!.memberships, queries[i]!.groupId, queries[i]!.action, customRoles).allowed) allowed++;
    const seconds = cpuSeconds(start);
    if (allowed < 0) throw new Error('unreachable');
    return queries.length / seconds;
  };
  const theirsPass = (): number => {
    let allowed = 0;
    const start = process.cpuUsage();
    for (let i = 0; i < queries.length; i++)
      if (enforcer.enforceSync(subjects[i]!.id, queries[i]!.groupId, queries[i]!.action)) allowed++;
    const seconds = cpuSeconds(start);
    if (allowed < 0) throw new Error('unreachable');
    return queries.length / seconds;
  };
  const asyncQueries = Math.min(ASYNC_QUERIES, queries.length);
  const theirsAsyncPass = async (): Promise<number> => {
    let allowed = 0;
    const start = process.cpuUsage();
    for (let i = 0; i < asyncQueries; i++)
      if (await enforcer.enforce(subjects[i]!.id, queries[i]!.groupId, queries[i]!.action)) allowed++;
    const seconds = cpuSeconds(start);
    if (allowed < 0) throw new Error('unreachable');
    return asyncQueries / seconds;
  };

  // Warm-up: the comparison above already ran casbin's sync path over every query once.
  oursPass();
  oursPass();
  await theirsAsyncPass();
  const ours: number[] = [];
  const theirs: number[] = [];
  const theirsAsync: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(oursPass());
    theirs.push(theirsPass());
    theirsAsync.push(await theirsAsyncPass());
    log(
      `permissions: run ${run + 1}/${RUNS}: ours ${ours[run]!.toFixed(0)}/s, casbin enforceSync ${theirs[run]!.toFixed(0)}/s, enforce ${theirsAsync[run]!.toFixed(0)}/s`,
    );
  }

  const hierarchy = await tryNativeHierarchy(data, log);
  const worstCase = measureWorstCase();
  log(
    `permissions: worst allowed role vs longest action ${worstCase.worstMedian.toFixed(2)} µs per check, ordinary ${worstCase.ordinaryMedian.toFixed(2)} µs`,
  );

  const oursMedian = median(ours);
  const theirsMedian = median(theirs);
  return {
    worstCase,
    shape,
    actions: ACTIONS,
    depthCounts: data.depthCounts,
    generateMs,
    outcomes: describeOutcomes(data),
    agreement: { compared: queries.length, disagreements: 0, rolesCompared },
    casbin: {
      version: casbinVersion(),
      api: 'enforceSync',
      policies: CASBIN_POLICIES.length,
      groupingPolicies: setup.groupingPolicies,
      materialiseMs: setup.materialiseMs,
      loadMs: setup.loadMs,
      policyRows: CASBIN_POLICIES.map(([role, pattern]) => ['p', role, pattern]),
    },
    ours,
    theirs,
    theirsAsync,
    asyncQueries,
    hierarchy,
    oursMedian,
    theirsMedian,
    theirsAsyncMedian: median(theirsAsync),
    ratio: oursMedian / theirsMedian,
    durationSeconds: (performance.now() - started) / 1000,
  };
}
