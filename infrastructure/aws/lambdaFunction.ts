import { AssetHashType, DockerImage, Duration, type BundlingOptions, type ILocalBundling } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleEntries, bundlePath, copyBundleFiles, functionEntry, functionEntryNames, REPO_ROOT } from './bundling.ts';
import { POWERTOOLS_ENVIRONMENT } from './operations/powertoolsEnvironment.ts';

export { REPO_ROOT } from './bundling.ts';

export interface IamFunctionProps {
  /** Module under `functions/`, without `.ts`, exporting `handler`. */
  handler: string;
  environment: Record<string, string>;
  tracing: boolean;
  description?: string;
  /** Static files the handler reads at run time, copied into the bundle: bundle-relative target -> repository-relative source. */
  bundleFiles?: Readonly<Record<string, string>>;
}

/**
 * Every Lambda of the service: one ESM bundle per entry point, AWS SDK included. All entry points
 * are bundled together once per synth (see bundling.ts); each function's asset is its folder of
 * that build. CDK still decides whether to bundle (`aws:cdk:bundling-stacks`) and hashes the output.
 */
export function iamFunction(scope: Construct, id: string, props: IamFunctionProps): LambdaFunction {
  return new LambdaFunction(scope, id, {
    code: Code.fromAsset(REPO_ROOT, { assetHashType: AssetHashType.OUTPUT, bundling: functionBundling(props) }),
    handler: 'index.handler',
    description: props.description,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: Duration.seconds(10),
    environment: { ...POWERTOOLS_ENVIRONMENT, ...props.environment },
    tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
  });
}

/**
 * Local bundling only: CDK never falls back to the image. The handler and its files are fields of
 * the local bundler so that CDK's asset cache, keyed on the options' JSON, tells functions apart.
 */
function functionBundling(props: IamFunctionProps): BundlingOptions {
  const local: ILocalBundling & { handler: string; files: Readonly<Record<string, string>> } = {
    handler: props.handler,
    files: props.bundleFiles ?? {},
    tryBundle(outputDir: string) {
      cpSync(dirname(bundlePath(allFunctionsBundled(), props.handler)), outputDir, { recursive: true });
      copyBundleFiles(outputDir, props.bundleFiles ?? {});
      return true;
    },
  };
  return { image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'), local };
}

let bundledDir: string | undefined;
/** Bundles every function in one esbuild pass, the first time a function is staged in this process. */
function allFunctionsBundled(): string {
  if (bundledDir) return bundledDir;
  const outdir = mkdtempSync(join(tmpdir(), 'iam-functions-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  bundleEntries(functionEntryNames().map(functionEntry), outdir);
  bundledDir = outdir;
  return outdir;
}
