/**
 * `npm run bench`: measures what the issues ask to be measured, prints a Markdown report and
 * writes it to docs/benchmarks.md. The stack-bound sections share one local stack (benchStack.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';
import { login } from './api.ts';
import { measureAuditPages } from './audit/auditBench.ts';
import { measureAuthorizer } from './authorizerBench.ts';
import { measureBatchCosts } from './batchBench.ts';
import { log, runSection, withBenchStack } from './benchStack.ts';
import { measureBundles } from './bundles.ts';
import { measureSynth } from './synthBench.ts';
import { measureDeepPages, measureRouteCosts } from './groupsBench.ts';
import { runPermissionsBench } from './permissions/permissionsBench.ts';
import { measureScale, prepareScale } from './scaleBench.ts';
import { renderReport } from './report.ts';
import { createUserWithMemberships, treeIds, writeGroups } from './seedData.ts';

const TREE = { tenants: 10, departments: 10, teams: 100 };
const PAGES = [1, 50, 100];
const PAGE_REPEATS = 15;
const MANY_MEMBERSHIPS = 200;
const SCALE_USERS = 100_000;

async function main(): Promise<void> {
  const startedAt = new Date();
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;

  // Bundles first, while no local stack competes for the two cores.
  const bundles = await measureBundles(log);
  const synth = await measureSynth(log);
  // Check evaluation vs casbin: in process, no stack needed; throws if the two ever disagree.
  const permissions = await runPermissionsBench(log);

  const report = await withBenchStack('stack', async ({ stack, bulk, counter, adminToken }) => {
    const ids = treeIds(TREE.tenants, TREE.departments, TREE.teams);
    const teams = ids.filter((id) => id.split('/').length === 4);
    // Before any large fill (see scaleBench.ts): the scale caller, and the small table with its copy.
    const scaleUser = await createUserWithMemberships(
      bulk,
      { endpoint: stack.cognitoEndpoint, userPoolId: stack.userPool.userPoolId },
      'bench-scale@example.com',
      teams.slice(0, 3),
    );
    const scaleCaller = { email: scaleUser.email, accessToken: await login(stack.apiUrl, scaleUser.email, scaleUser.password) };
    const smallTable = await prepareScale(stack.dynamoEndpoint, bulk, scaleCaller);
    log('authorizer: admin of /');
    const authorizer = [await measureAuthorizer(counter, 'admin of `/`', 1, adminToken)];

    log('groups: requests per route');
    const routeCosts = await measureRouteCosts(stack, counter, adminToken);

    log('checks and user listings: requests per call');
    const batch = await measureBatchCosts(stack, counter, bulk, adminToken);

    log(`groups: writing a ${ids.length}-group tree`);
    const buildStarted = performance.now();
    await writeGroups(bulk, ids);
    const tree = {
      groups: ids.length,
      shape: `\`/\` → ${TREE.tenants} tenants → ${TREE.departments} departments each → ${TREE.teams} teams each (depth 3)`,
      buildSeconds: (performance.now() - buildStarted) / 1000,
    };

    log(`groups: timing pages ${PAGES.join(', ')}`);
    const pages = await measureDeepPages(stack, counter, bulk, adminToken, PAGES, PAGE_REPEATS);

    log(`authorizer: a reader in ${MANY_MEMBERSHIPS} groups`);
    const spread = teams.filter((_, i) => i % Math.floor(teams.length / MANY_MEMBERSHIPS) === 0).slice(0, MANY_MEMBERSHIPS);
    const member = await createUserWithMemberships(
      bulk,
      { endpoint: stack.cognitoEndpoint, userPoolId: stack.userPool.userPoolId },
      'bench-many@example.com',
      spread,
    );
    const memberToken = await login(stack.apiUrl, member.email, member.password);
    authorizer.push(await measureAuthorizer(counter, `reader in ${spread.length} groups`, spread.length, memberToken));

    log('scale: the same decision in a small and a large table');
    const scale = await measureScale(
      { large: bulk, largeGroups: ids.length, largeUsers: SCALE_USERS, caller: scaleCaller },
      smallTable,
      log,
    );

    log('audit: page 1 vs page 50 of one tenant among many');
    const audit = await measureAuditPages(stack, counter, bulk, adminToken, log);

    return renderReport({
      startedAt,
      durationSeconds: (performance.now() - started) / 1000,
      loadAtStart,
      bundles,
      synth,
      authorizer,
      routeCosts,
      tree,
      pages,
      pageRepeats: PAGE_REPEATS,
      permissions,
      scale,
      batch,
      audit,
    });
  });
  mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), report);
  console.log(report);
  log('wrote docs/benchmarks.md');
}

runSection(main);
