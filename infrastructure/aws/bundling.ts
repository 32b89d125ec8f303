/**
 * How every Lambda is bundled, in one place: the CDK stack, the built-bundles test and the
 * benchmark all bundle with these options, so what is measured and tested is what ships.
 * Every entry point under `functions/` is bundled in one esbuild pass (one process, shared
 * parsing), not one esbuild process per function.
 */
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FUNCTIONS_DIR = join(REPO_ROOT, 'functions');

/** The file each function's asset holds; its `handler` export is the Lambda handler `index.handler`. */
export const BUNDLE_FILE = 'index.mjs';

export const BUNDLE_OPTIONS = {
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.mjs' },
  // Some bundled CommonJS dependencies call require(); ESM has none unless we define it.
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  // Lambda always puts the function role's credentials in the environment: the SDK's default chain
  // (SSO, STS, IMDS, ini files, web identity) would only add cold-start code that never runs there.
  // The endpoint-discovery cache DynamoDB's client builds gets a Map-based LRU instead of mnemonist's (endpointCacheLru.ts).
  alias: {
    '@aws-sdk/credential-provider-node': join(REPO_ROOT, 'infrastructure', 'aws', 'lambdaCredentials.ts'),
    'mnemonist/lru-cache': join(REPO_ROOT, 'infrastructure', 'aws', 'endpointCacheLru.ts'),
  },
  // Only the OpenAPI document, built from the sources, reads schema metadata: bundles skip registering it (schemas/meta.ts).
  define: { IAM_SCHEMA_METADATA: 'false' },
  // Loaded by the SDK only for event-stream operations (dynamic import); DynamoDB and Cognito have none.
  external: ['@smithy/core/event-streams'],
  absWorkingDir: REPO_ROOT,
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** Every Lambda entry point: each module under `functions/`, named by its path without `.ts` (`groups/getGroup`). */
export function functionEntryNames(): string[] {
  return readdirSync(FUNCTIONS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length).split('\\').join('/'))
    .sort();
}

export interface BundleEntry {
  /** Output folder under `outdir`: the bundle is `<out>/index.mjs`. */
  out: string;
  /** Absolute path of the TypeScript entry module. */
  path: string;
}

export const functionEntry = (name: string): BundleEntry => ({ out: name, path: join(FUNCTIONS_DIR, `${name}.ts`) });

/** One esbuild pass over all the entries; each lands in `<outdir>/<out>/index.mjs`. */
export function bundleEntries(entries: readonly BundleEntry[], outdir: string): Metafile {
  const { metafile } = buildSync({
    ...BUNDLE_OPTIONS,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    entryPoints: entries.map((entry) => ({ in: entry.path, out: `${entry.out}/index` })),
    outdir,
    metafile: true,
  });
  return metafile;
}

export const bundlePath = (outdir: string, out: string): string => join(outdir, out, BUNDLE_FILE);

/** Copies a function's static files next to its bundle: bundle-relative target -> repository-relative source. */
export function copyBundleFiles(bundleDir: string, files: Readonly<Record<string, string>>): void {
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(dirname(join(bundleDir, target)), { recursive: true });
    cpSync(join(REPO_ROOT, source), join(bundleDir, target));
  }
}
