/**
 * Issue 2: bundles every Lambda entry point exactly as CDK does (BUNDLE_OPTIONS), reports its
 * minified size, and times importing it in a fresh `node` process, next to a floor bundle that
 * only sends one GetItem.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROUTES } from '../../shared/api/routes.ts';
import { BUNDLE_OPTIONS, REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';
import { median } from './stats.ts';

export const FLOOR = 'floor (one GetItem)';
const IMPORT_RUNS = 7;

/** What the modules read at import time; COGNITO_ENDPOINT stays unset, as on AWS. */
const IMPORT_ENV = {
  IAM_TABLE_NAME: 'bench',
  COGNITO_USER_POOL_ID: 'eu-west-2_abcdefghi',
  COGNITO_CLIENT_IDS: 'x',
  COGNITO_API_CLIENT_ID: 'x',
  AWS_REGION: 'eu-west-2',
};

export interface BundleResult {
  name: string;
  sizeKb: number;
  /** The package (or top-level folder) contributing most to the minified output. */
  largestInput: { name: string; sizeKb: number };
  importMs: number;
}

export async function measureBundles(log: (message: string) => void): Promise<BundleResult[]> {
  const functionEntry = (name: string) => ({ name, out: name, path: join(REPO_ROOT, 'functions', `${name}.ts`) });
  const entries = [
    ...ROUTES.map((route) => functionEntry(route.handler)),
    functionEntry('authorizer'),
    functionEntry('seed/seedCustomResource'),
    { name: FLOOR, out: 'floor', path: join(REPO_ROOT, 'test', 'bench', 'floor.ts') },
  ];

  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  const outdir = mkdtempSync(join(REPO_ROOT, '.bench', 'bundles-'));
  try {
    log(`bundling ${entries.length} entry points into ${outdir}`);
    const { metafile } = await build({
      ...BUNDLE_OPTIONS,
      mainFields: [...BUNDLE_OPTIONS.mainFields],
      banner: { js: BUNDLE_OPTIONS.banner },
      bundle: true,
      entryPoints: entries.map((entry) => ({ in: entry.path, out: entry.out })),
      outdir,
      outExtension: { '.js': '.mjs' },
      metafile: true,
      absWorkingDir: REPO_ROOT,
      logLevel: 'warning',
    });
    const results: BundleResult[] = [];
    for (const entry of entries) {
      const file = join(outdir, `${entry.out}.mjs`);
      const times: number[] = [];
      for (let run = 0; run < IMPORT_RUNS; run++) times.push(await timeImport(file));
      const inputs = metafile.outputs[relative(REPO_ROOT, file)]?.inputs ?? {};
      results.push({
        name: entry.name,
        sizeKb: statSync(file).size / 1024,
        largestInput: largestPackage(inputs),
        importMs: median(times),
      });
      log(`  ${entry.name}: ${(statSync(file).size / 1024).toFixed(1)} KB, import ${median(times).toFixed(1)} ms`);
    }
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function largestPackage(inputs: Record<string, { bytesInOutput: number }>): { name: string; sizeKb: number } {
  const bytes = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
    bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
  }
  const [name, size] = [...bytes].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  return { name, sizeKb: size / 1024 };
}

/** Milliseconds to import the bundle in a fresh node process, measured inside that process. */
function timeImport(file: string): Promise<number> {
  // process.exit: the authorizer's JWKS fetch (no network here) must not keep the process alive.
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t); process.exit(0);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, ...IMPORT_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const ms = Number.parseFloat(stdout.trim());
      if (code === 0 && Number.isFinite(ms)) resolve(ms);
      else reject(new Error(`importing ${file} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
