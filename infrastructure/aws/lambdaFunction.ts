import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { POWERTOOLS_ENVIRONMENT } from './operations/powertoolsEnvironment.ts';

/** How every function is bundled; the benchmarks bundle with the same options to measure what ships. */
export const BUNDLE_OPTIONS = {
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  mainFields: ['module', 'main'],
  // Some bundled CommonJS dependencies call require(); ESM has none unless we define it.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
} as const;

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface IamFunctionProps {
  /** Module under `functions/`, without `.ts`, exporting `handler`. */
  handler: string;
  environment: Record<string, string>;
  tracing: boolean;
  description?: string;
  /** Static files the handler reads at run time, copied into the bundle: bundle-relative target -> repository-relative source. */
  bundleFiles?: Readonly<Record<string, string>>;
}

/** Every Lambda of the service: one ESM bundle per entry point, AWS SDK included, bundled with the local esbuild. */
export function iamFunction(scope: Construct, id: string, props: IamFunctionProps): NodejsFunction {
  return new NodejsFunction(scope, id, {
    entry: join(REPO_ROOT, 'functions', `${props.handler}.ts`),
    handler: 'handler',
    description: props.description,
    projectRoot: REPO_ROOT,
    depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: Duration.seconds(10),
    environment: { ...POWERTOOLS_ENVIRONMENT, ...props.environment },
    tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
    bundling: {
      minify: BUNDLE_OPTIONS.minify,
      sourceMap: false,
      format: OutputFormat.ESM,
      target: BUNDLE_OPTIONS.target,
      mainFields: [...BUNDLE_OPTIONS.mainFields],
      externalModules: [],
      banner: BUNDLE_OPTIONS.banner,
      forceDockerBundling: false,
      ...(props.bundleFiles ? { commandHooks: copyIntoBundle(props.bundleFiles) } : {}),
    },
  });
}

/** Shell commands run after esbuild, in the repository (`inputDir`), writing next to the bundle (`outputDir`). */
export function copyIntoBundle(files: Readonly<Record<string, string>>): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) =>
      Object.entries(files).map(
        ([target, source]) =>
          `mkdir -p "${join(outputDir, dirname(target))}" && cp "${join(inputDir, source)}" "${join(outputDir, target)}"`,
      ),
  };
}
