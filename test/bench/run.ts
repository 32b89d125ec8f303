/**
 * `npm run bench`: measures what issues 2, 3 and 6 ask to be measured, prints a Markdown report
 * and writes it to docs/benchmarks.md. Starts its own local stack on free 127.0.0.1 ports with a
 * fresh data folder under .bench/, and stops it (and removes the folder) however the run ends.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';
import { startLocalStack, type LocalStack } from '../../infrastructure/local/localStack.ts';
import { createDocumentClient, defaultTable, type TableRef } from '../../shared/store/client.ts';
import { login } from './api.ts';
import { measureAuditPages } from './audit/auditBench.ts';
import { measureAuthorizer } from './authorizerBench.ts';
import { measureBatchCosts } from './batchBench.ts';
import { measureBundles } from './bundles.ts';
import { measureSynth } from './synthBench.ts';
import { countDynamoRequests } from './dynamoCounter.ts';
import { measureDeepPages, measureRouteCosts } from './groupsBench.ts';
import { runPermissionsBench } from './permissions/permissionsBench.ts';
import { measureScale } from './scaleBench.ts';
import { renderReport } from './report.ts';
import { createUserWithMemberships, treeIds, writeGroups } from './seedData.ts';

const TREE = { tenants: 10, departments: 10, teams: 100 };
const PAGES = [1, 50, 100];
const PAGE_REPEATS = 15;
const MANY_MEMBERSHIPS = 200;
const SCALE_USERS = 100_000;

const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<void> {
  const startedAt = new Date();
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;

  // Bundles first, while no local stack competes for the two cores.
  const bundles = await measureBundles(log);
  const synth = await measureSynth(log);
  // Check evaluation vs casbin: in process, no stack needed; throws if the two ever disagree.
  const permissions = await runPermissionsBench(log);

  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  const dataDir = mkdtempSync(join(REPO_ROOT, '.bench', 'stack-'));
  let stack: LocalStack | undefined;
  let bulk: TableRef | undefined;
  const cleanUp = async () => {
    bulk?.doc.destroy();
    await stack?.stop();
    if (stack) defaultTable().doc.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    stack = await startLocalStack({
      dataDir,
      port: 0,
      dynamoPort: 0,
      cognitoPort: 0,
      adminEmail: 'bench-admin@example.com',
      authorizerCacheSeconds: 0,
      log,
    });
    bulk = { doc: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName };
    // The handlers and the authorizer share this process's client: count what they send.
    const counter = countDynamoRequests(defaultTable().doc);
    const adminToken = await login(stack.apiUrl, stack.admin.email, stack.admin.password);

    log('authorizer: admin of /');
    const authorizer = [await measureAuthorizer(counter, 'admin of `/`', 1, adminToken)];

    log('groups: requests per route');
    const routeCosts = await measureRouteCosts(stack, counter, adminToken);

    log('checks and user listings: requests per call');
    const batch = await measureBatchCosts(stack, counter, bulk, adminToken);

    const ids = treeIds(TREE.tenants, TREE.departments, TREE.teams);
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
    const teams = ids.filter((id) => id.split('/').length === 4);
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
    const scaleCaller = await createUserWithMemberships(
      bulk,
      { endpoint: stack.cognitoEndpoint, userPoolId: stack.userPool.userPoolId },
      'bench-scale@example.com',
      teams.slice(0, 3),
    );
    const scale = await measureScale(
      {
        endpoint: stack.dynamoEndpoint,
        large: bulk,
        largeGroups: ids.length,
        largeUsers: SCALE_USERS,
        caller: scaleCaller.email,
        accessToken: await login(stack.apiUrl, scaleCaller.email, scaleCaller.password),
      },
      { doc: bulk.doc, tableName: 'iam-scale-small' },
      log,
    );

    log('audit: page 1 vs page 50 of one tenant among many');
    const audit = await measureAuditPages(stack, counter, bulk, adminToken, log);

    const report = renderReport({
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
    mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), report);
    console.log(report);
    log('wrote docs/benchmarks.md');
  } finally {
    log('stopping the local stack');
    await cleanUp();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
