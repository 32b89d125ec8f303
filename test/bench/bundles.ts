/**
 * Bundles every Lambda entry point exactly as the CDK stack does (infrastructure/aws/bundling.ts),
 * reports each minified size, fails if any bundle carries a zod locale other than `en`, and times
 * importing each bundle in a fresh `node` process next to a floor bundle that only sends one GetItem.
 * Imports are interleaved (every bundle once per round, floor included), so each ratio compares
 * imports made at the same moment of a shared, noisy machine.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import {
  bundleEntries,
  bundlePath,
  functionEntry,
  functionEntryNames,
  REPO_ROOT,
  type BundleEntry,
} from '../../infrastructure/aws/bundling.ts';
import { median } from './stats.ts';

export const FLOOR = 'floor (one GetItem)';
/** The peer for handlers that bundle Cognito's client: the floor plus that client and one command. */
export const COGNITO_FLOOR = 'floor with Cognito (one GetItem, one Cognito call)';
/** The authorizer when the deployment hands it no JWKS: it starts fetching it at import. */
export const AUTHORIZER_FETCHING_JWKS = 'authorizer fetching its JWKS';
export const IMPORT_ROUNDS = 11;

/** A JWKS shaped like a user pool's: two RSA-2048 signing keys. */
function poolShapedJwks(): string {
  const keys = ['bench-key-1', 'bench-key-2'].map((kid) => {
    const { n, e } = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    return { alg: 'RS256', e, kid, kty: 'RSA', n, use: 'sig' };
  });
  return JSON.stringify({ keys });
}

/** What the modules read at import time, as the stack sets it (the authorizer is handed the pool's JWKS); COGNITO_ENDPOINT stays unset, as on AWS. */
const IMPORT_ENV = {
  IAM_TABLE_NAME: 'bench',
  COGNITO_USER_POOL_ID: 'eu-west-2_abcdefghi',
  COGNITO_CLIENT_IDS: 'x',
  COGNITO_API_CLIENT_ID: 'x',
  COGNITO_POOL_JWKS: poolShapedJwks(),
  AWS_REGION: 'eu-west-2',
};

export interface ImportTime {
  wallMs: number;
  cpuMs: number;
}

export interface BundleResult {
  name: string;
  sizeKb: number;
  /** The package (or top-level folder) contributing most to the minified output. */
  largestInput: { name: string; sizeKb: number };
  /** Medians over the rounds. */
  importWallMs: number;
  importCpuMs: number;
  /** Median over the rounds of this bundle's import CPU time ÷ the floor's in the same round. */
  cpuVsFloor: number;
  /** For bundles that carry Cognito's client: the same ratio to the floor with Cognito. */
  cpuVsCognitoFloor?: number;
  wallVsFloor: number;
}

export interface BundlesResult {
  bundles: BundleResult[];
  /** Seconds for the one esbuild pass over every entry point. */
  buildSeconds: number;
  /** zod locales found in any bundle other than `en` (the run fails if there is one). */
  zodLocales: string[];
  rounds: number;
}

/** zod's locale modules in a bundle's inputs, other than `en`. */
export function foreignZodLocales(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const input of Object.keys(output.inputs)) {
      const locale = /node_modules\/zod\/(?:.*\/)?locales\/([^/]+)\.js$/.exec(input)?.[1];
      if (locale && locale !== 'en' && locale !== 'index') found.add(locale);
    }
  return [...found].sort();
}

export async function measureBundles(log: (message: string) => void): Promise<BundlesResult> {
  const entries: (BundleEntry & { name: string; env?: Record<string, string> })[] = [
    ...functionEntryNames().map((name) => ({ name, ...functionEntry(name) })),
    {
      name: AUTHORIZER_FETCHING_JWKS,
      ...functionEntry('authorizer'),
      out: 'authorizerFetchingJwks',
      env: { COGNITO_POOL_JWKS: '' },
    },
    { name: COGNITO_FLOOR, out: 'floorWithCognito', path: join(REPO_ROOT, 'test', 'bench', 'floorWithCognito.ts') },
    { name: FLOOR, out: 'floor', path: join(REPO_ROOT, 'test', 'bench', 'floor.ts') },
  ];

  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  const outdir = mkdtempSync(join(REPO_ROOT, '.bench', 'bundles-'));
  try {
    log(`bundling ${entries.length} entry points into ${outdir}`);
    const started = performance.now();
    const metafile = bundleEntries(entries, outdir);
    const buildSeconds = (performance.now() - started) / 1000;
    const zodLocales = foreignZodLocales(metafile);
    if (zodLocales.length > 0) throw new Error(`zod locales other than en in the bundles: ${zodLocales.join(', ')}`);

    const files = entries.map((entry) => bundlePath(outdir, entry.out));
    const times: ImportTime[][] = entries.map(() => []);
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      // Each round starts at a different bundle, so no bundle always runs right after another.
      for (let step = 0; step < entries.length; step++) {
        const index = (step + round * 5) % entries.length;
        times[index]!.push(await timeImport(files[index]!, entries[index]!.env));
      }
      log(`  import round ${round + 1}/${IMPORT_ROUNDS}`);
    }
    const timesOf = (name: string) => times[entries.findIndex((entry) => entry.name === name)]!;
    const floorTimes = timesOf(FLOOR);
    const cognitoFloorTimes = timesOf(COGNITO_FLOOR);
    const cpuVs = (own: ImportTime[], peer: ImportTime[]) => median(own.map((time, round) => time.cpuMs / peer[round]!.cpuMs));
    const bundles = entries.map((entry, index): BundleResult => {
      const own = times[index]!;
      const inputs = metafile.outputs[relative(REPO_ROOT, files[index]!)]?.inputs ?? {};
      const sizeKb = statSync(files[index]!).size / 1024;
      const carriesCognito = Object.keys(inputs).some((input) => input.includes('/@aws-sdk/client-cognito-identity-provider/'));
      return {
        name: entry.name,
        sizeKb,
        largestInput: largestPackage(inputs),
        importWallMs: median(own.map((time) => time.wallMs)),
        importCpuMs: median(own.map((time) => time.cpuMs)),
        cpuVsFloor: cpuVs(own, floorTimes),
        cpuVsCognitoFloor: carriesCognito ? cpuVs(own, cognitoFloorTimes) : undefined,
        wallVsFloor: median(own.map((time, round) => time.wallMs / floorTimes[round]!.wallMs)),
      };
    });
    for (const bundle of bundles)
      log(`  ${bundle.name}: ${bundle.sizeKb.toFixed(1)} KB, import CPU ${bundle.cpuVsFloor.toFixed(2)}× the floor`);
    return { bundles, buildSeconds, zodLocales, rounds: IMPORT_ROUNDS };
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

/** Wall and CPU milliseconds to import the bundle in a fresh node process, measured inside that process. */
function timeImport(file: string, env: Record<string, string> = {}): Promise<ImportTime> {
  // process.exit: a JWKS fetch (no network here) must not keep the process alive.
  const script = [
    'const cpu = process.cpuUsage(); const t = performance.now();',
    `await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const wall = performance.now() - t; const used = process.cpuUsage(cpu);',
    'console.log(JSON.stringify({ wallMs: wall, cpuMs: (used.user + used.system) / 1000 })); process.exit(0);',
  ].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, ...IMPORT_ENV, ...env },
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
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(stdout.trim()) as ImportTime);
      } catch (error) {
        reject(new Error(`importing ${file} failed (${String(error)}): ${stderr.trim()}`));
      }
    });
  });
}
