/**
 * Runs SIF's access-management feature files, unmodified, with cucumber against a local stack of
 * their own: the scenarios count every group under `/`, so they need a tree no other test
 * touches, and they use SIF's passwords (`p@ssword1`), so the stack enforces the password policy
 * they assume. Run as a child process (`node --import tsx`), so the step files load as
 * TypeScript and the stack's process.env is its own. Prints one line: the summary as JSON.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { startLocalStack } from '../../../../infrastructure/local/localStack.ts';

export const SUMMARY_PREFIX = 'SIF_CONFORMANCE ';
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Beside the repository, as CI checks it out: the feature files are read where they are, never copied. */
export const FEATURES_DIR = join(REPOSITORY_ROOT, '..', 'shared', 'conformance', 'sif-access-management');
const STEPS = ['world.ts', 'httpSteps.ts', 'sifSteps.ts'].map((file) =>
  fileURLToPath(new URL(`./steps/${file}`, import.meta.url)),
);

/** The password policy SIF's scenarios assume: `p@ssword1` and `myn3wp@ssw0rd` satisfy it. */
const SIF_PASSWORD_POLICY = {
  minLength: 8,
  requireLowercase: true,
  requireUppercase: false,
  requireDigits: true,
  requireSymbols: true,
};

export interface ScenarioResult {
  feature: string;
  scenario: string;
  status: string;
  message?: string;
}

async function main() {
  if (!existsSync(FEATURES_DIR)) throw new Error(`SIF's feature files are missing: expected them in ${FEATURES_DIR}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'sme-iam-sif-'));
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    dynamoPort: 0,
    cognitoPort: 0,
    adminEmail: 'integrationtests@example.com',
    authorizerCacheSeconds: 30,
    passwordPolicy: SIF_PASSWORD_POLICY,
  });
  try {
    const results = await runFeatures(stack.apiUrl, stack.admin);
    process.stdout.write(`${SUMMARY_PREFIX}${JSON.stringify(results)}\n`);
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runFeatures(apiUrl: string, superUser: { email: string; password: string }): Promise<ScenarioResult[]> {
  const { runConfiguration } = await loadConfiguration({
    file: false,
    provided: {
      paths: [join(FEATURES_DIR, '*.feature')],
      import: STEPS,
      format: [],
      strict: true,
      worldParameters: { apiUrl, superUser },
    },
  });
  const envelopes: Envelope[] = [];
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  await runCucumber(runConfiguration, { cwd: REPOSITORY_ROOT, stdout: silent, stderr: process.stderr }, (envelope) =>
    envelopes.push(envelope),
  );
  return scenarioResults(envelopes);
}

/** Each scenario's outcome: its worst step (failed, undefined, ambiguous, ...) or passed. */
function scenarioResults(envelopes: Envelope[]): ScenarioResult[] {
  const pickles = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle] as const] : [])));
  const testCases = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase.pickleId] as const] : [])));
  const started = new Map(
    envelopes.flatMap((e) => (e.testCaseStarted ? [[e.testCaseStarted.id, e.testCaseStarted.testCaseId] as const] : [])),
  );
  const results = new Map<string, ScenarioResult>();
  for (const [startedId, testCaseId] of started) {
    const pickle = pickles.get(testCases.get(testCaseId)!)!;
    results.set(startedId, { feature: pickle.uri.split('/').at(-1)!, scenario: pickle.name, status: 'PASSED' });
  }
  for (const envelope of envelopes) {
    const finished = envelope.testStepFinished;
    if (!finished) continue;
    const result = results.get(finished.testCaseStartedId)!;
    const status = finished.testStepResult.status;
    if (result.status === 'PASSED' && status !== 'PASSED') {
      result.status = status;
      result.message = finished.testStepResult.message;
    }
  }
  return [...results.values()];
}

await main();
