/**
 * SIF's seven access-management feature files, as written, through cucumber with our own step
 * definitions (see conformance/). Every scenario passes except the two deliberate differences
 * listed in the README's SIF compatibility section; any other failure, or one of those two
 * passing, fails this test.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from './conformance/runConformance.ts';

const RUNNER = fileURLToPath(new URL('./conformance/runConformance.ts', import.meta.url));
const SUMMARY_PREFIX = 'SIF_CONFORMANCE ';

const EXPECTED_DIFFERENCES = [
  // Our listing is in tree order by path; SIF's pages follow its creation order (same groups, page sizes and last page).
  'accessManagement_groups_pagination.feature › List groups from root',
  // A first login turns `invited` into `active`; SIF keeps `invited`.
  'accessManagement_user_tags.feature › User abc can view tags',
];

function runConformance(): Promise<ScenarioResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(SUMMARY_PREFIX));
      if (code !== 0 || !line) reject(new Error(`The SIF conformance run failed (exit code ${code}):\n${stderr}`));
      else resolve(JSON.parse(line.slice(SUMMARY_PREFIX.length)) as ScenarioResult[]);
    });
  });
}

describe('SIF access management feature files', () => {
  it('pass as written, but for the two listed differences', async () => {
    // Act
    const results = await runConformance();

    // Assess
    const passed = results.filter((result) => result.status === 'PASSED');
    const notPassed = results.filter((result) => result.status !== 'PASSED');
    console.log(`SIF scenarios: ${passed.length} passed, ${notPassed.length} expected differences, of ${results.length}`);
    expect(new Set(results.map((result) => result.feature)).size).toBe(7);
    expect(
      notPassed.map((result) => `${result.feature} › ${result.scenario}`).sort(),
      JSON.stringify(notPassed, null, 2),
    ).toEqual([...EXPECTED_DIFFERENCES].sort());
    expect(passed).toHaveLength(results.length - EXPECTED_DIFFERENCES.length);
  }, 600_000);
});
