/**
 * What ships is the bundles, while the local stack runs the TypeScript sources. So every function
 * is bundled here exactly as CDK bundles it (one esbuild pass with BUNDLE_OPTIONS, static files
 * copied in), each built file is imported in a fresh Node process outside the repository (no
 * node_modules to fall back on), with only the environment Lambda and the stack give it, and
 * invoked once with a minimal event against the local stack.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  bundleEntries,
  bundlePath,
  copyBundleFiles,
  functionEntry,
  functionEntryNames,
} from '../../infrastructure/aws/bundling.ts';
import { authorizerEvent, proxyEvent, type IncomingRequest } from '../../infrastructure/local/lambdaEvents.ts';
import type { RouteDefinition } from '../../shared/api/routeDefinition.ts';
import { ROUTES } from '../../shared/api/routes.ts';
import { SWAGGER_UI_FILES } from '../../shared/api/swaggerUiAssets.ts';
import { login } from './support/api.ts';
import { createTestGroup, createTestUser, uniqueGroupName, type TestUser } from './support/fixtures.ts';

interface Invocation {
  result?: unknown;
  error?: string;
  stderr: string;
}

interface ProxyResult {
  statusCode: number;
  body: string;
}

const built = mkdtempSync(join(tmpdir(), 'sme-iam-bundles-'));

/** The caller of every route: admin of a group of its own, so nothing another test file uses is changed. */
const group = `/${uniqueGroupName('bundles')}`;
let caller: TestUser;

/** Path parameter values: the caller's own group and email, or well-formed names. */
const PATH_VALUES: Record<string, () => string> = {
  groupId: () => group,
  email: () => caller.email,
  file: () => Object.keys(SWAGGER_UI_FILES)[0]!,
  name: () => 'no-such-role',
  key: () => 'department',
  tenantId: () => '/no-such-tenant',
  eventId: () => '019ad9a4-5c00-7c1e-9b3a-2f6d0e8c4a11',
  sessionId: () => 'no-such-session',
};

/** Only what Lambda sets (credentials, region, task root) and what the stack sets for its functions. */
function lambdaEnvironment(name: string): Record<string, string> {
  const stack = inject('stack');
  return {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    LAMBDA_TASK_ROOT: dirname(bundlePath(built, name)),
    IAM_TABLE_NAME: stack.tableName,
    DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
    COGNITO_ENDPOINT: stack.cognitoEndpoint,
    COGNITO_USER_POOL_ID: stack.userPoolId,
    COGNITO_API_CLIENT_ID: stack.apiClientId,
    COGNITO_CLIENT_IDS: [stack.apiClientId, stack.hostedClientId].join(','),
    COGNITO_HOSTED_CLIENT_ID: stack.hostedClientId,
    COGNITO_HOSTED_DOMAIN: stack.cognitoEndpoint,
  };
}

const OUTCOME_MARK = '\n@@invocation-outcome@@';

/** How a process differs from a plain Lambda start: more environment, or no `fetch` (so any fetch fails). */
interface InvokeOptions {
  env?: Record<string, string>;
  withoutFetch?: boolean;
}

/** Imports the built bundle in a new Node process and calls its handler once with `event`. */
function invokeBuilt(name: string, event: unknown, options: InvokeOptions = {}): Promise<Invocation> {
  const script = `
    ${options.withoutFetch ? "globalThis.fetch = async () => { throw new Error('fetch is not allowed in this process'); };" : ''}
    const event = JSON.parse(process.env.INVOKE_EVENT);
    const context = { awsRequestId: '${randomUUID()}', functionName: ${JSON.stringify(name)}, callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 10000 };
    let outcome;
    try {
      const { handler } = await import(${JSON.stringify(pathToFileURL(bundlePath(built, name)).href)});
      outcome = { result: await handler(event, context) };
    } catch (error) {
      outcome = { error: String(error && error.stack || error) };
    }
    // Exit once written: a pipe takes large bodies in several writes.
    process.stdout.write(${JSON.stringify(OUTCOME_MARK)} + JSON.stringify(outcome), () => process.exit(0));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dirname(bundlePath(built, name)),
      env: { ...lambdaEnvironment(name), ...options.env, INVOKE_EVENT: JSON.stringify(event) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        // The function's own log lines go to stdout too, as on Lambda: the outcome follows the mark.
        const outcome = stdout.slice(stdout.lastIndexOf(OUTCOME_MARK) + OUTCOME_MARK.length);
        resolve({ ...(JSON.parse(outcome) as Omit<Invocation, 'stderr'>), stderr });
      } catch {
        resolve({ error: `exit ${code}, no result`, stderr });
      }
    });
  });
}

function request(method: string, path: string, headers: Record<string, string>): IncomingRequest {
  return {
    method,
    path,
    query: new URLSearchParams(),
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([header, value]) => [header, [value]])),
    body: undefined,
    sourceIp: '127.0.0.1',
    requestId: randomUUID(),
    domainName: '127.0.0.1',
  };
}

function routeEvent(route: RouteDefinition, authorized: { context: Record<string, unknown>; token: string } | null) {
  const pathParameters: Record<string, string> = {};
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = PATH_VALUES[name];
    if (!value) throw new Error(`No test value for path parameter ${name} of ${route.path}`);
    pathParameters[name] = encodeURIComponent(value());
    return pathParameters[name];
  });
  const headers: Record<string, string> = { 'Accept-Version': '1.0.0', 'x-groupcontextid': encodeURIComponent(group) };
  if (authorized) headers.Authorization = `Bearer ${authorized.token}`;
  return proxyEvent(request(route.method, path, headers), route.path, pathParameters, authorized?.context ?? null);
}

interface AuthorizerResult {
  policyDocument: { Statement: { Effect: string }[] };
  context: Record<string, unknown>;
}

/** The built authorizer's answer for a fresh token of the caller. */
async function authorizeCaller(options?: InvokeOptions): Promise<{ invocation: Invocation; accessToken: string }> {
  const { accessToken } = await login(caller.email, caller.password);
  const event = authorizerEvent(request('GET', '/groups', { Authorization: `Bearer ${accessToken}` }), '/groups', {});
  return { invocation: await invokeBuilt('authorizer', event, options), accessToken };
}

describe('the built bundles', () => {
  /** As API Gateway caches it: routes that end the caller's sessions must not fail the routes after them. */
  let callerContext: Record<string, unknown>;
  /** API Gateway forwards the header it authorized; routes such as MFA setup hand it on to Cognito. */
  let callerToken: string;

  beforeAll(async () => {
    bundleEntries(functionEntryNames().map(functionEntry), built);
    for (const route of ROUTES)
      if (route.bundleFiles) copyBundleFiles(dirname(bundlePath(built, route.handler)), route.bundleFiles);
    await createTestGroup(group);
    caller = await createTestUser({ memberships: { [group]: 'admin' } });
    const { invocation, accessToken } = await authorizeCaller();
    if (!invocation.result) throw new Error(`the built authorizer refused the caller: ${invocation.error}`);
    callerContext = (invocation.result as AuthorizerResult).context;
    callerToken = accessToken;
  }, 300_000);

  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it('every function under functions/ is bundled: the authorizer, the seed, the trigger and one per route', () => {
    const names = functionEntryNames();

    expect(names).toEqual(expect.arrayContaining(['authorizer', 'seed/seedCustomResource', 'triggers/postConfirmation']));
    expect(names).toEqual(expect.arrayContaining(ROUTES.map((route) => route.handler)));
  });

  it('the authorizer bundle verifies a real token and allows its user', async () => {
    const { invocation } = await authorizeCaller();

    expect(invocation.error, invocation.stderr).toBeUndefined();
    const result = invocation.result as AuthorizerResult;
    expect(result.policyDocument.Statement[0]!.Effect).toBe('Allow');
    expect(result.context).toMatchObject({ email: caller.email });
  });

  it("the authorizer bundle handed the pool's JWKS, as the stack deploys it, verifies a real token without fetching the JWKS", async () => {
    // Prepare
    const stack = inject('stack');
    const jwks = await (await fetch(`${stack.cognitoEndpoint}/${stack.userPoolId}/.well-known/jwks.json`)).text();

    // Act
    const handedOver = await authorizeCaller({ env: { COGNITO_POOL_JWKS: jwks }, withoutFetch: true });
    const fetching = await authorizeCaller({ withoutFetch: true });

    // Assess
    expect(handedOver.invocation.error, handedOver.invocation.stderr).toBeUndefined();
    expect((handedOver.invocation.result as AuthorizerResult).policyDocument.Statement[0]!.Effect).toBe('Allow');
    expect(fetching.invocation.error).toMatch(/^Error: Unauthorized/);
  });

  it('the authorizer bundle refuses a request without a token', async () => {
    const event = authorizerEvent(request('GET', '/groups', {}), '/groups', {});

    const invocation = await invokeBuilt('authorizer', event);

    expect(invocation.error).toMatch(/^Error: Unauthorized/);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: its bundle loads and answers with a 2xx or a JSON 4xx',
    async (_, route) => {
      const authorized = route.access.kind === 'public' ? null : { context: callerContext, token: callerToken };

      const invocation = await invokeBuilt(route.handler, routeEvent(route, authorized));

      expect(invocation.error, invocation.stderr).toBeUndefined();
      const response = invocation.result as ProxyResult;
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, response.body).toBeLessThan(500);
      if (response.statusCode >= 400)
        expect(JSON.parse(response.body)).toMatchObject({ statusCode: response.statusCode, message: expect.any(String) });
    },
  );

  it('the seed bundle answers an Update without touching anything', async () => {
    const event = { RequestType: 'Update', PhysicalResourceId: 'iam-seed', ResourceProperties: {}, RequestId: randomUUID() };

    const invocation = await invokeBuilt('seed/seedCustomResource', event);

    expect(invocation.error, invocation.stderr).toBeUndefined();
    expect(invocation.result).toEqual({ PhysicalResourceId: 'iam-seed' });
  });

  it('the post-confirmation bundle passes a password-reset confirmation through unchanged', async () => {
    const event = {
      triggerSource: 'PostConfirmation_ConfirmForgotPassword',
      userName: caller.email,
      request: { userAttributes: { email: caller.email } },
      response: {},
    };

    const invocation = await invokeBuilt('triggers/postConfirmation', event);

    expect(invocation.error, invocation.stderr).toBeUndefined();
    expect(invocation.result).toEqual(event);
  });
});
