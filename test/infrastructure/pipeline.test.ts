/** The CI and deploy workflows: what they run and how they get AWS credentials (`npm run lint:ops` validates their schema). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';

const workflow = (name: string) => readFileSync(join(REPO_ROOT, '.github', 'workflows', name), 'utf8');

/** The text of one job: from `  <name>:` to the next job or the end. */
function job(text: string, name: string): string {
  const start = text.indexOf(`\n  ${name}:\n`);
  expect(start, `job ${name}`).toBeGreaterThan(-1);
  const rest = text.slice(start + 1);
  const next = rest.slice(1).search(/\n {2}[a-z-]+:\n/);
  return next === -1 ? rest : rest.slice(0, next + 1);
}

describe('CI workflow', () => {
  it('runs .ci/run and cdk synth on every push and pull request', () => {
    const ci = workflow('ci.yml');

    expect(ci).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
    expect(ci).toContain('run: bash .ci/run');
    expect(ci).toMatch(/run: npx cdk synth -q -c adminEmail=/);
    expect(ci).toContain('container: node:20-bookworm');
  });
});

describe('deploy workflow', () => {
  it('shows cdk diff in a job of its own before the deploy job, which waits for the stage environment', () => {
    const deploy = workflow('deploy.yml');

    const diff = job(deploy, 'diff');
    const release = job(deploy, 'deploy');
    expect(diff).toContain('npx cdk diff');
    expect(diff).toContain('GITHUB_STEP_SUMMARY');
    expect(diff).toMatch(/environment: .*-preview/);
    expect(release).toContain('needs: diff');
    expect(release).toMatch(/environment: \$\{\{ inputs\.stage \|\| 'staging' \}\}\n/);
    expect(release).toContain('npx cdk deploy');
  });

  it('gets AWS credentials only through OIDC: an id-token permission per job, no keys, no secrets', () => {
    const deploy = workflow('deploy.yml');

    for (const name of ['diff', 'deploy']) {
      const text = job(deploy, name);
      expect(text).toContain('id-token: write');
      expect(text).toContain('aws-actions/configure-aws-credentials@v4');
      expect(text).toContain('role-to-assume: ${{ vars.AWS_ROLE_ARN }}');
    }
    expect(deploy).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|secrets\./);
    expect(deploy).toMatch(/^permissions:\n {2}contents: read\n/m);
  });
});
