/**
 * The docs and login routes on AWS: the docs function ships the swagger-ui files it serves, every
 * function knows the hosted login client and domain, and the hosted client accepts this API's
 * `/login/callback`, built from the RestApi id so that no dependency cycle forms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { STAGE_NAME } from '../../infrastructure/aws/api.ts';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { iamFunction, REPO_ROOT, type IamFunctionProps } from '../../infrastructure/aws/lambdaFunction.ts';
import { readSettings } from '../../infrastructure/aws/settings.ts';
import { routes } from '../../shared/api/routes.ts';
import { SWAGGER_UI_BUNDLE_DIR, SWAGGER_UI_FILES } from '../../shared/api/swaggerUiAssets.ts';

// The real iamFunction, watched: which functions the API asks to carry static files.
vi.mock('../../infrastructure/aws/lambdaFunction.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../infrastructure/aws/lambdaFunction.ts')>();
  return { ...original, iamFunction: vi.fn(original.iamFunction) };
});

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string | string[] };

describe('docs and login on AWS', () => {
  describe('the stack', () => {
    let template: Template;
    let resources: Record<string, Resource>;

    beforeAll(() => {
      // Bundling skipped: these tests read the template and the construct calls.
      const app = new App({
        context: { adminEmail: 'admin@example.com', 'aws:cdk:bundling-stacks': [] },
        builtinCloudFormationValidation: false,
      });
      const settings = readSettings(app.node);
      template = Template.fromStack(new IamStack(app, settings.stackName, { settings }));
      resources = template.toJSON().Resources as Record<string, Resource>;
    });

    it('registers /login/callback on the hosted client, built from the RestApi id, the region and the stage', () => {
      const [restApiId] = Object.keys(template.findResources('AWS::ApiGateway::RestApi'));
      const [, hosted] = Object.entries(template.findResources('AWS::Cognito::UserPoolClient')).find(
        ([, client]) => client.Properties.ClientName === 'hosted',
      )!;

      expect(hosted.Properties.CallbackURLs).toContainEqual({
        'Fn::Join': [
          '',
          [
            'https://',
            { Ref: restApiId },
            '.execute-api.',
            { Ref: 'AWS::Region' },
            '.',
            { Ref: 'AWS::URLSuffix' },
            `/${STAGE_NAME}/login/callback`,
          ],
        ],
      });
    });

    it('forms no dependency cycle between resources', () => {
      expect(findCycle(resources)).toBeUndefined();
    });

    it('tells every route function the hosted client and the Cognito domain base URL', () => {
      const [hostedId] = Object.entries(template.findResources('AWS::Cognito::UserPoolClient')).find(
        ([, client]) => client.Properties.ClientName === 'hosted',
      )!;
      const [domainId] = Object.keys(template.findResources('AWS::Cognito::UserPoolDomain'));
      const finishLogin = Object.values(resources).find(
        (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Description === 'GET /login/callback',
      )!;
      const variables = (finishLogin.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

      expect(variables.COGNITO_HOSTED_CLIENT_ID).toEqual({ Ref: hostedId });
      expect(JSON.stringify(variables.COGNITO_HOSTED_DOMAIN)).toContain(`"Ref":"${domainId}"`);
      expect(JSON.stringify(variables.COGNITO_HOSTED_DOMAIN)).toContain('.auth.');
    });

    it('asks for the swagger-ui files in the docs file function and the OpenAPI document in its function, nowhere else', () => {
      const calls = vi.mocked(iamFunction).mock.calls.map(([, , props]: [unknown, unknown, IamFunctionProps]) => props);
      const withFiles = calls.filter((props) => props.bundleFiles);

      expect(withFiles.map((props) => [props.handler, props.bundleFiles])).toEqual([
        [routes.docsFile.handler, routes.docsFile.bundleFiles],
        [routes.openApiDocument.handler, { 'swagger.json': 'docs/swagger.json' }],
      ]);
    });
  });

  describe('the docs file function bundle', () => {
    let assetDir: string;

    beforeAll(() => {
      // Prepare + Act: bundle that one function for real, with esbuild and the copy hook.
      const app = new App();
      const stack = new Stack(app, 'DocsBundle');
      iamFunction(stack, 'DocsFile', {
        handler: routes.docsFile.handler,
        environment: {},
        tracing: false,
        bundleFiles: routes.docsFile.bundleFiles,
      });
      const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0] as Resource;
      const s3Key = (fn.Properties.Code as { S3Key: string }).S3Key;
      assetDir = join(app.outdir, `asset.${s3Key.replace(/\.zip$/, '')}`);
    });

    it('holds the handler and every allow-listed swagger-ui file, byte for byte, where the handler looks', () => {
      expect(readdirSync(assetDir)).toEqual(expect.arrayContaining(['index.mjs', SWAGGER_UI_BUNDLE_DIR]));
      expect(readdirSync(join(assetDir, SWAGGER_UI_BUNDLE_DIR)).sort()).toEqual(Object.keys(SWAGGER_UI_FILES).sort());
      for (const file of Object.keys(SWAGGER_UI_FILES)) {
        expect(
          readFileSync(join(assetDir, SWAGGER_UI_BUNDLE_DIR, file)).equals(
            readFileSync(join(REPO_ROOT, 'node_modules/swagger-ui-dist', file)),
          ),
          file,
        ).toBe(true);
      }
    });
  });
});

/** A cycle through Ref, Fn::GetAtt, Fn::Sub or DependsOn, as CloudFormation would refuse it; undefined when there is none. */
function findCycle(resources: Record<string, Resource>): string[] | undefined {
  const edges = new Map(Object.entries(resources).map(([id, resource]) => [id, dependenciesOf(resource, resources)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next, [...path, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}

function dependenciesOf(resource: Resource, resources: Record<string, Resource>): Set<string> {
  const found = new Set<string>([resource.DependsOn ?? []].flat());
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') found.add(inner);
      else if (key === 'Fn::GetAtt') found.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]!);
      else if (key === 'Fn::Sub') for (const match of JSON.stringify(inner).matchAll(/\$\{([\w]+)[.}]/g)) found.add(match[1]!);
      walk(inner);
    }
  };
  walk(resource.Properties);
  return new Set([...found].filter((id) => id in resources));
}
