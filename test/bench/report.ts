/** The Markdown report: what was measured, how, on what machine, and the numbers. */
import { cpus, loadavg, totalmem } from 'node:os';
import type { AuthorizerResult } from './authorizerBench.ts';
import { AUTHORIZER_FETCHING_JWKS, COGNITO_FLOOR, FLOOR, type BundleResult, type BundlesResult } from './bundles.ts';
import type { BatchBenchResult } from './batchBench.ts';
import type { SynthResult } from './synthBench.ts';
import type { ScaleResult } from './scaleBench.ts';
import type { PageTiming, RouteCost } from './groupsBench.ts';
import type { PermissionsBenchResult } from './permissions/permissionsBench.ts';
import { renderPermissionsSection } from './permissions/report.ts';
import type { AuditBenchResult } from './audit/auditBench.ts';
import { renderAuditSection } from './audit/report.ts';

export interface BenchResults {
  startedAt: Date;
  durationSeconds: number;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAtStart: number;
  bundles: BundlesResult;
  synth: SynthResult;
  authorizer: AuthorizerResult[];
  routeCosts: RouteCost[];
  tree: { groups: number; shape: string; buildSeconds: number };
  pages: PageTiming[];
  pageRepeats: number;
  permissions: PermissionsBenchResult;
  scale: ScaleResult;
  batch: BatchBenchResult;
  audit: AuditBenchResult;
}

const NOT_REPORTED = 'not reported by DynamoDB Local';
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const capacity = (units: number | undefined) => (units === undefined ? NOT_REPORTED : fixed(units, 1));
const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  );

export function machine(): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${fixed(totalmem() / 2 ** 30, 1)} GiB RAM, ${process.platform} ${process.arch}, Node.js ${process.version}`;
}

const AUTHORIZER = 'authorizer';
const NOT_ROUTES = new Set([
  AUTHORIZER,
  AUTHORIZER_FETCHING_JWKS,
  FLOOR,
  COGNITO_FLOOR,
  'jwks/poolJwksCustomResource',
  'seed/seedCustomResource',
  'triggers/postConfirmation',
]);

function bundleSummary(bundles: BundleResult[]): string {
  const handlers = bundles.filter((bundle) => !NOT_ROUTES.has(bundle.name));
  const authorizer = bundles.find((bundle) => bundle.name === AUTHORIZER)!;
  const fetching = bundles.find((bundle) => bundle.name === AUTHORIZER_FETCHING_JWKS)!;
  const largest = handlers.reduce((a, b) => (b.sizeKb > a.sizeKb ? b : a));
  const slowest = handlers.reduce((a, b) => (b.cpuVsFloor > a.cpuVsFloor ? b : a));
  const over = (limit: number) => handlers.filter((bundle) => bundle.sizeKb > limit).length;
  const slower = (limit: number) => handlers.filter((bundle) => bundle.cpuVsFloor > limit).length;
  const cognitoFloor = bundles.find((bundle) => bundle.name === COGNITO_FLOOR)!;
  const withCognito = handlers.filter((bundle) => bundle.cpuVsCognitoFloor !== undefined);
  const overWithCognito = (limit: number) => withCognito.filter((bundle) => bundle.cpuVsFloor > limit).length;
  const overCognitoFloor = (limit: number) => withCognito.filter((bundle) => bundle.cpuVsCognitoFloor! > limit).length;
  const slowestVsCognito = withCognito.reduce((a, b) => (b.cpuVsCognitoFloor! > a.cpuVsCognitoFloor! ? b : a));
  return [
    `- Route handlers: largest \`${largest.name}\` ${fixed(largest.sizeKb)} KB; ${over(350)} of ${handlers.length} over 350 KB.`,
    `- Route handlers' import CPU: highest \`${slowest.name}\` ${fixed(slowest.cpuVsFloor, 2)}× the floor; ${slower(1.2)} of ${handlers.length} over 1.2×.`,
    `- ${withCognito.length} of the ${handlers.length} handlers bundle Cognito's client; ${overWithCognito(1.2)} of them are over 1.2× the floor, against ${slower(1.2) - overWithCognito(1.2)} of the ${handlers.length - withCognito.length} that do not. The floor with Cognito's client and one command alone imports in ${fixed(cognitoFloor.cpuVsFloor, 2)}× the floor (${fixed(cognitoFloor.sizeKb)} KB); against it, ${overCognitoFloor(1.2)} of the ${withCognito.length} ${overCognitoFloor(1.2) === 1 ? 'is' : 'are'} over 1.2× (highest \`${slowestVsCognito.name}\` ${fixed(slowestVsCognito.cpuVsCognitoFloor!, 2)}×).`,
    `- Authorizer: ${fixed(authorizer.sizeKb)} KB, import CPU ${fixed(authorizer.cpuVsFloor, 2)}× the floor, handed the pool's JWKS in its environment as the stack deploys it (read once per deployment by \`functions/jwks/poolJwksCustomResource.ts\`). The same bundle without it starts fetching the JWKS during its import (TLS and DNS set-up): ${fixed(fetching.cpuVsFloor, 2)}× the floor.`,
  ].join('\n');
}

export function renderReport(results: BenchResults): string {
  const perDecision = results.authorizer[0]!.requestsPerDecision;
  const first = results.pages[0]!;
  const fiftieth = results.pages.find((page) => page.page === 50)!;
  const ratio = (page: PageTiming, of: (timing: PageTiming) => number) => of(page) / of(first);

  return `# Benchmarks

Measured by \`npm run bench\` (\`test/bench/run.ts\`), which wrote this file. Reproduce with:

\`\`\`sh
npm ci && npm run bench
\`\`\`

- Date: ${results.startedAt.toISOString()}
- Machine: ${machine()}
- Whole run: ${fixed(results.durationSeconds, 0)} s; 1-minute load average ${fixed(results.loadAtStart, 2)} at the start and ${fixed(loadavg()[0]!, 2)} at the end

Timings are for comparison on one machine, not targets; counts of DynamoDB requests are exact.

## 1. Bundles and import time (issue 14)

Every entry point under \`functions/\` bundled in one esbuild pass with the options the CDK stack uses
(\`BUNDLE_OPTIONS\` in \`infrastructure/aws/bundling.ts\`: minified ESM for Node.js 22, AWS SDK v3 bundled, the SDK's
credential chain replaced by the environment provider, the SDK's event-stream code left out); ${fixed(results.bundles.buildSeconds, 1)} s for all
${results.bundles.bundles.length} in this run. The floor is \`test/bench/floor.ts\`: a document client and one GetItem, nothing else,
bundled in the same pass; the floor with Cognito (\`test/bench/floorWithCognito.ts\`) adds Cognito's client and one command, the peer
for handlers that carry that client. zod locales other than \`en\` in any bundle: **${results.bundles.zodLocales.length === 0 ? 'none' : results.bundles.zodLocales.join(', ')}** (the run fails otherwise).

Import time: \`await import()\` of the bundle in a fresh \`node --input-type=module\` process, timed inside that process
(module loading and evaluation, not Node's own start-up), with the environment the modules read at load time
(\`COGNITO_ENDPOINT\` unset, as on AWS). ${results.bundles.rounds} rounds; each round imports every bundle once, floor included,
starting at a different bundle each round. CPU = user + system time of that process during the import (the machine is
shared, so wall time swings with other work; CPU time much less). "vs floor" = median over the rounds of the bundle's
time ÷ the floor's time in the same round. Limits (issue 14): route handlers ≤ 350 KB and ≤ 1.2× the floor's import;
the authorizer ≤ 230 KB and ≤ 1.1×.

${table(
  [
    'Bundle',
    'Minified size (KB)',
    'Largest package in it (KB)',
    'Import CPU, median (ms)',
    'CPU vs floor',
    'CPU vs floor with Cognito',
    'Import wall, median (ms)',
    'Wall vs floor',
  ],
  results.bundles.bundles.map((bundle) => [
    bundle.name === FLOOR || bundle.name === COGNITO_FLOOR || bundle.name === AUTHORIZER_FETCHING_JWKS
      ? `**${bundle.name}**`
      : `\`functions/${bundle.name}.ts\``,
    fixed(bundle.sizeKb),
    `${bundle.largestInput.name} ${fixed(bundle.largestInput.sizeKb, 0)}`,
    fixed(bundle.importCpuMs),
    `${fixed(bundle.cpuVsFloor, 2)}×`,
    bundle.cpuVsCognitoFloor === undefined ? '–' : `${fixed(bundle.cpuVsCognitoFloor, 2)}×`,
    fixed(bundle.importWallMs),
    `${fixed(bundle.wallVsFloor, 2)}×`,
  ]),
)}

${bundleSummary(results.bundles.bundles)}

## 1b. Synth (issue 14)

\`${results.synth.command}\`, offline, ${results.synth.wallSeconds.length} runs after the bundle measurements (so with a warm disk cache),
each into a fresh output folder. Median **${fixed(results.synth.medianWallSeconds, 1)} s** wall (runs: ${results.synth.wallSeconds.map((value) => fixed(value, 1)).join(', ')} s)
and **${fixed(results.synth.medianCpuSeconds, 1)} s** CPU of the whole process tree (runs: ${results.synth.cpuSeconds.map((value) => fixed(value, 1)).join(', ')} s); the limit is 15 s.
Every function is bundled in the one esbuild pass above (\`iamFunction\` in \`infrastructure/aws/lambdaFunction.ts\` hands each
function its folder of that build as a CDK asset), instead of one esbuild process per function.

## 2. Authorizer: DynamoDB requests per uncached decision (issue 2)

The real authorizer handler, called in-process against the local stack (DynamoDB Local, cognito-local) with a
token from \`POST /auth/login\`; ${results.authorizer[0]!.decisions} decisions per caller, each uncached. Requests are
counted by a middleware on the process's document client, which also asks for \`ReturnConsumedCapacity: TOTAL\`.
Context = the \`context\` map handed to handlers, as JSON; response = the whole authorizer result, as JSON.

${table(
  [
    'Caller',
    'Memberships',
    'DynamoDB requests per decision',
    'Operations',
    'Consumed capacity per decision',
    'Context (bytes)',
    'Whole response (bytes)',
  ],
  results.authorizer.map((result) => [
    result.caller,
    result.memberships,
    `**${fixed(result.requestsPerDecision, 2)}**`,
    result.operations.join(', '),
    capacity(result.capacityPerDecision),
    result.contextBytes,
    result.responseBytes,
  ]),
)}

## 2b. Scale: one decision in a small and in a large table (issue 14)

The same uncached decision (\`authorizeToken\` in \`shared/services/authorizerService.ts\`: verify the token, then one Query of the
caller's partition) for the same caller with 3 memberships, against two tables in the same DynamoDB Local: a small one
(${results.scale.small.groups} groups, ${results.scale.small.users} users) and a large one (${results.scale.large.groups.toLocaleString('en')} groups, ${results.scale.large.users.toLocaleString('en')} users; written in ${fixed(results.scale.writeSeconds, 0)} s).
The small table and the caller are written at the start of the run, before the large fills: DynamoDB Local answers a Query of
items written after a large fill several times slower, whatever the table's size, which would compare write times, not sizes.
${results.scale.decisions} decisions each, taking turns (each side first every other time), after 20 warm-up rounds; wall time in this process.

| Table | Groups | Users | Decision p50 (ms) |
|---|---|---|---|
| small | ${results.scale.small.groups} | ${results.scale.small.users} | ${fixed(results.scale.small.p50, 2)} |
| large | ${results.scale.large.groups.toLocaleString('en')} | ${results.scale.large.users.toLocaleString('en')} | ${fixed(results.scale.large.p50, 2)} |

**Large ÷ small: ${fixed(results.scale.ratio, 2)}×** (the limit is 1.1×): a decision reads one partition by key, whatever else the table holds.

## 3. Groups (issue 3)

### DynamoDB requests per route

One HTTP call each through the local gateway, as the admin of \`/\`, on a small tree (\`/bench\`, \`/bench/finance\`).
Only the requests made during that call are counted. The gateway's authorizer cache is off for the benchmark, so
every call also carries one uncached authorizer decision (${fixed(perDecision, 0)} Query on the table); the handler column
excludes it. Operations are listed in order, with the index a Query reads and, in brackets, the capacity units
DynamoDB Local reports for that request (its own estimate, not a bill).

${table(
  ['Call', 'Status', 'Requests (total)', 'Authorizer', 'Handler', 'Operations, in order', 'Consumed capacity (total)'],
  results.routeCosts.map((cost) => [
    cost.call,
    cost.status,
    cost.attempts,
    cost.authorizerDecisions * perDecision,
    `**${cost.attempts - cost.authorizerDecisions * perDecision}**`,
    cost.requests
      .map((request) => `${request.operation}${request.capacityUnits === undefined ? '' : ` (${request.capacityUnits})`}`)
      .join(' → '),
    capacity(cost.capacityUnits),
  ]),
)}

### Deep pages of a ${results.tree.groups.toLocaleString('en')}-group tree

Tree: ${results.tree.shape}, written directly with BatchWriteItem in the item shape \`putNewGroup\` writes
(${fixed(results.tree.buildSeconds, 0)} s). Call: \`GET /groups?includeChildGroups=true&count=100\` from \`/\` as its admin; later pages
follow \`pagination.lastEvaluatedToken\`. Each page is timed as the median of ${results.pageRepeats} repeated requests of that same
page (same token); the pages take turns, after 3 warm-up rounds. HTTP = the whole call through the local gateway, including the uncached
authorizer decision; list Query = the handler's one index Query, as the SDK saw it (it resumes with
\`ExclusiveStartKey\`). For comparison only, the last timing column reads the same 101 items directly with a key
condition instead (\`gsi2sk > <last id of the previous page>\`, no \`ExclusiveStartKey\`), interleaved with the calls.

${table(
  [
    'Page',
    'Groups returned',
    'HTTP, median (ms)',
    'vs page 1',
    'List Query, median (ms)',
    'vs page 1',
    'List Query capacity',
    'DynamoDB requests per call',
    'Operations',
    'Same page by key condition, median (ms)',
    'vs page 1',
  ],
  results.pages.map((page) => [
    page.page,
    page.groups,
    fixed(page.httpMs),
    `${fixed(
      ratio(page, (p) => p.httpMs),
      2,
    )}×`,
    fixed(page.queryMs),
    `${fixed(
      ratio(page, (p) => p.queryMs),
      2,
    )}×`,
    capacity(page.queryCapacity),
    fixed(page.requestsPerCall, 2),
    page.operations.join(' → '),
    fixed(page.keyConditionMs),
    `${fixed(
      ratio(page, (p) => p.keyConditionMs),
      2,
    )}×`,
  ]),
)}

The issue expects the first and the fiftieth page within 20 % of each other: page 50 / page 1 is
**${fixed(
    ratio(fiftieth, (p) => p.httpMs),
    2,
  )}×** over HTTP (${Math.abs(ratio(fiftieth, (p) => p.httpMs) - 1) <= 0.2 ? 'met' : 'NOT met'}) and ${fixed(
    ratio(fiftieth, (p) => p.queryMs),
    2,
  )}× for the list Query alone
(${Math.abs(ratio(fiftieth, (p) => p.queryMs) - 1) <= 0.2 ? 'met' : 'NOT met'}). Every page sends the same requests (one authorizer Query, one list Query with \`Limit\` 101 resuming
after the token's key) and DynamoDB Local reports the same capacity for each, so any difference between pages is time
spent inside DynamoDB Local answering them. The same page read by key condition takes ${fixed(
    ratio(fiftieth, (p) => p.keyConditionMs),
    2,
  )}× the first page's time
at page 50.

## 4. Check evaluation vs casbin (issues 6, 11, 14)

${renderPermissionsSection(results.permissions)}

## 5. DynamoDB requests of a batch of checks and of a page of users (issue 14)

${renderBatchCosts(results.batch, perDecision)}

## 6. Audit pages (issue 15)

Alone: \`npx tsx test/bench/audit/main.ts\` prints this section.

${renderAuditSection(results.audit)}`;
}

export function renderBatchCosts(batch: BatchBenchResult, perDecision: number): string {
  return `One HTTP call each through the local gateway, as the admin of \`/\`, in a tenant set up for it: ${batch.shape}.
Counted like section 3: every request the call made, the authorizer's one uncached Query separated out. The limits (issue 14):
a batch of 100 checks of distinct people in at most 5 requests; a page of users in a bounded number whatever its size.

${table(
  ['Call', 'Status', 'Requests (total)', 'Authorizer', 'Handler', 'Operations, in order'],
  batch.costs.map((cost) => [
    cost.call,
    cost.status,
    cost.attempts,
    cost.authorizerDecisions * perDecision,
    `**${cost.attempts - cost.authorizerDecisions * perDecision}**`,
    runsOf(cost.requests.map((request) => request.operation)).join(' → '),
  ]),
)}

A check of someone else reads, by key, each person's profile and membership summary, of which the memberships on the path from
the group checked up to \`/\` count (\`loadUsersOnPaths\` in \`shared/store/userPathReads.ts\`, 100 keys per BatchGetItem, sent
together; the membership items on the path for someone without a complete summary), then the custom role
definitions and group MFA settings those decisions need in one more BatchGetItem (\`tableDecisionInputs\`), which the function
caches for 30 s. A page of \`GET /users\` reads the membership index (one Query), then each listed person's profile and
membership summary by key (\`loadListedUsers\` in \`shared/store/listedUsers.ts\`, 100 keys per BatchGetItem, sent together),
so a page of 100 costs about as much as a page of 10. Profiles written before summaries (the last row, the cost of every page
before them) are read with one Query of their partition each, until \`npm run backfill:summaries\` writes their summaries.

Alone: \`npx tsx test/bench/batchMain.ts\` prints this section.`;
}

/** `Query, Query, Query` → `Query ×3`: consecutive repeats of one operation, counted. */
function runsOf(operations: string[]): string[] {
  const runs: { operation: string; times: number }[] = [];
  for (const operation of operations) {
    const last = runs.at(-1);
    if (last?.operation === operation) last.times++;
    else runs.push({ operation, times: 1 });
  }
  return runs.map(({ operation, times }) => (times === 1 ? operation : `${operation} ×${times}`));
}
