import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/api/routes.ts';
import { PASSWORD_POLICY } from '../../shared/config/passwordPolicy.ts';
import { TABLE_DEFINITION } from '../../shared/store/tableDefinition.ts';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { REPO_ROOT } from '../../infrastructure/aws/lambdaFunction.ts';
import { DEFAULT_CALLBACK_URL, readSettings } from '../../infrastructure/aws/settings.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

/** Builds the stack the way app.ts does. Validation runs in `cdk synth`; here it would only slow the tests. */
function buildTemplate(context: Record<string, unknown>): Template {
  const app = new App({ context, builtinCloudFormationValidation: false });
  const settings = readSettings(app.node);
  return Template.fromStack(new IamStack(app, settings.stackName, { settings }));
}

function resourcesOfType(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type) as Record<string, Resource>);
}

/** `/groups/{groupId}` for a method, by walking its resource's ParentId chain up to the API root. */
function methodPath(template: Template, method: Resource): string {
  const resources = template.findResources('AWS::ApiGateway::Resource') as Record<string, Resource>;
  const parts: string[] = [];
  let parent = method.Properties.ResourceId as { Ref?: string };
  while (parent.Ref) {
    const resource = resources[parent.Ref]!;
    parts.unshift(resource.Properties.PathPart as string);
    parent = resource.Properties.ParentId as { Ref?: string };
  }
  return `/${parts.join('/')}`;
}

const ADMIN_EMAIL = 'admin@example.com';

describe('IamStack with default settings', () => {
  let template: Template;

  beforeAll(() => {
    // Prepare + Act, once: synthesizing bundles every function with esbuild, which on a busy
    // shared machine takes longer than the default hook timeout.
    template = buildTemplate({ adminEmail: ADMIN_EMAIL });
  }, 300_000);

  it('creates one on-demand table with point-in-time recovery, TTL, the GSIs and deletion protection, retained on delete', () => {
    // Assess
    const gsis = TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.ttlAttribute, Enabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: gsis,
      }),
    });
  });

  it('creates a user pool with the shared password policy, optional TOTP-only MFA and case-insensitive usernames', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: PASSWORD_POLICY.minLength,
          RequireLowercase: PASSWORD_POLICY.requireLowercase,
          RequireUppercase: PASSWORD_POLICY.requireUppercase,
          RequireNumbers: PASSWORD_POLICY.requireDigits,
          RequireSymbols: PASSWORD_POLICY.requireSymbols,
          TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordValidityDays,
        },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UsernameConfiguration: { CaseSensitive: false },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      AutoVerifiedAttributes: ['email'],
      DeletionProtection: 'ACTIVE',
    });
  });

  it('creates an api client for password login and refresh, without a secret or OAuth', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'api',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });

  it('creates a hosted client with the authorization code grant, OpenID scopes and the default callback URL', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'hosted',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayEquals(['openid', 'email', 'profile']),
      // Then the API's own /login/callback: asserted in docsAndLogin.test.ts.
      CallbackURLs: [DEFAULT_CALLBACK_URL, Match.anyValue()],
      GenerateSecret: false,
    });
  });

  it('creates a Cognito prefix domain for the hosted login page', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: Match.anyValue(), UserPoolId: Match.anyValue() });
  });

  it('creates a REQUEST authorizer keyed on the Authorization header only, cached for 30 seconds', () => {
    template.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 30,
    });
  });

  it('creates exactly one method per manifest route, public routes without authorizer and the others with it', () => {
    const methods = resourcesOfType(template, 'AWS::ApiGateway::Method')
      .map(([, method]) => method)
      .filter((method) => method.Properties.HttpMethod !== 'OPTIONS');

    const actual = methods.map((method) => ({
      method: method.Properties.HttpMethod,
      path: methodPath(template, method),
      authorizationType: method.Properties.AuthorizationType,
    }));
    const expected = ROUTES.map((route) => ({
      method: route.method,
      path: route.path,
      authorizationType: route.access.kind === 'public' ? 'NONE' : 'CUSTOM',
    }));

    expect(actual).toHaveLength(ROUTES.length);
    expect(actual).toEqual(expect.arrayContaining(expected));
  });

  it('throttles, traces and access-logs the stage by default, with execution logs for errors only and no bodies', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [
        Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, LoggingLevel: 'ERROR', DataTraceEnabled: false }),
      ],
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
    template.resourceCountIs('AWS::ApiGateway::Account', 1);
  });

  it('runs every service function on Node.js 22 on ARM', () => {
    const ours = resourcesOfType(template, 'AWS::Lambda::Function').filter(
      ([, fn]) => !String(fn.Properties.Description ?? '').startsWith('AWS CDK resource provider framework'),
    );
    // One per route, the authorizer, the seed, the pool's JWKS reader, the two sign-up triggers and the change-event publisher.
    expect(ours).toHaveLength(ROUTES.length + 6);
    for (const [, fn] of ours) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });

  it('sets no local-only endpoint variable on any function', () => {
    for (const [, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
      const variables = Object.keys((fn.Properties.Environment as { Variables?: object } | undefined)?.Variables ?? {});
      expect(variables).not.toContain('COGNITO_ENDPOINT');
      expect(variables).not.toContain('DYNAMODB_ENDPOINT');
    }
  });

  it('lets the authorizer only Query the table (and send its traces to X-Ray)', () => {
    const [, authorizer] = resourcesOfType(template, 'AWS::Lambda::Function').find(([, fn]) =>
      String(fn.Properties.Description).startsWith('REQUEST authorizer'),
    )!;
    const roleId = (authorizer.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

    const policies = resourcesOfType(template, 'AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
    );

    expect(policies.map(([, policy]) => policy.Properties.PolicyDocument)).toEqual([
      {
        Version: '2012-10-17',
        Statement: [
          { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
          { Action: 'dynamodb:Query', Effect: 'Allow', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'Arn'] } },
        ],
      },
    ]);
  });

  it('grants each route function only the table actions its code sends, writes only on the partitions it writes', () => {
    const statementsOf = (description: string) => {
      const [, fn] = resourcesOfType(template, 'AWS::Lambda::Function').find(
        ([, candidate]) => candidate.Properties.Description === description,
      )!;
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      return resourcesOfType(template, 'AWS::IAM::Policy')
        .filter(([, policy]) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
        .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement);
    };
    const actionsOf = (description: string) => statementsOf(description).flatMap((statement) => [statement.Action].flat());

    expect(actionsOf('GET /health').filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    expect(actionsOf('GET /groups/{groupId}').filter((action) => action.startsWith('dynamodb:'))).toEqual([
      'dynamodb:BatchGetItem',
    ]);
    const loginWrites = statementsOf('POST /auth/login').find((statement) =>
      [statement.Action].flat().includes('dynamodb:PutItem'),
    )!;
    expect(loginWrites.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*', 'LOCKOUT#*', 'LOGINS#*', 'REFRESH#*', 'USER#*'] },
    });
  });

  it('grants no function Scan', () => {
    const actions = resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement.flatMap((statement) =>
        [statement.Action].flat(),
      ),
    );

    expect(actions.filter((action) => action === 'dynamodb:Scan' || action === 'dynamodb:*')).toEqual([]);
  });

  it('answers 401 and 403 from API Gateway in the service error shape with CORS headers', () => {
    for (const [type, status, error] of [
      ['UNAUTHORIZED', 401, 'Unauthorized'],
      ['ACCESS_DENIED', 403, 'Forbidden'],
    ] as const) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        StatusCode: String(status),
        ResponseParameters: Match.objectLike({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" }),
        ResponseTemplates: {
          'application/json': `{"statusCode":${status},"error":"${error}","message":$context.error.messageString}`,
        },
      });
    }
  });

  it('seeds the root group and the admin through a custom resource that may create Cognito users', () => {
    template.resourceCountIs('Custom::IamSeed', 1);
    template.hasResourceProperties('Custom::IamSeed', { AdminEmail: ADMIN_EMAIL, ServiceToken: Match.anyValue() });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'cognito-idp:AdminCreateUser',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('UserPool'), 'Arn'] },
          }),
        ]),
      },
    });
  });

  it("hands the authorizer, and only it, the pool's JWKS read at deploy time by a function with no AWS permission", () => {
    // Prepare
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    const [jwksResourceId] = resourcesOfType(template, 'Custom::IamPoolJwks')[0]!;
    const [, jwksFunction] = functions.find(([, fn]) =>
      String(fn.Properties.Description).startsWith("Reads the user pool's JWKS"),
    )!;
    const jwksRoleId = (jwksFunction.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

    // Act
    const handedTo = functions
      .filter(([, fn]) => 'COGNITO_POOL_JWKS' in ((fn.Properties.Environment as { Variables?: object })?.Variables ?? {}))
      .map(([, fn]) => fn.Properties);
    const jwksPolicies = resourcesOfType(template, 'AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === jwksRoleId),
    );

    // Assess
    template.hasResourceProperties('Custom::IamPoolJwks', { UserPoolId: { Ref: Match.stringLikeRegexp('UserPool') } });
    expect(handedTo).toHaveLength(1);
    expect(String(handedTo[0]!.Description)).toMatch(/^REQUEST authorizer/);
    expect((handedTo[0]!.Environment as { Variables: Record<string, unknown> }).Variables.COGNITO_POOL_JWKS).toEqual({
      'Fn::GetAtt': [jwksResourceId, 'Jwks'],
    });
    const actions = jwksPolicies.flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement.flatMap((statement) =>
        [statement.Action].flat(),
      ),
    );
    expect(actions.filter((action) => !action.startsWith('xray:'))).toEqual([]);
  });

  it('outputs the API URL, user pool, clients, login domain and table name', () => {
    for (const name of ['ApiUrl', 'UserPoolId', 'ApiClientId', 'HostedClientId', 'HostedLoginDomain', 'TableName']) {
      template.hasOutput(name, { Value: Match.anyValue() });
    }
  });
});

describe('IamStack with settings from context', () => {
  let template: Template;

  beforeAll(() => {
    // Values given with `cdk -c` arrive as strings. Bundling is skipped: these tests only read settings.
    template = buildTemplate({
      adminEmail: ADMIN_EMAIL,
      deletionProtection: 'false',
      authorizerCacheSeconds: '0',
      callbackUrls: 'https://bank.example/callback,https://bank.example/docs/oauth2-redirect.html',
      domainPrefix: 'acme-bank-login',
      throttlingRateLimit: '10',
      throttlingBurstLimit: '20',
      accessLogs: 'false',
      tracing: 'false',
      corsAllowOrigin: 'https://bank.example',
      'aws:cdk:bundling-stacks': [],
    });
  });

  it('turns deletion protection off on the table and the user pool', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
    template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
  });

  it('uses the authorizer cache time from context', () => {
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', { AuthorizerResultTtlInSeconds: 0 });
  });

  it('uses the callback URLs and domain prefix from context', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'hosted',
      CallbackURLs: ['https://bank.example/callback', 'https://bank.example/docs/oauth2-redirect.html', Match.anyValue()],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'acme-bank-login' });
  });

  it('throttles the stage as configured, and turns tracing and access logs off when asked', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [
        Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 }),
      ],
      TracingEnabled: false,
      AccessLogSetting: Match.absent(),
    });
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  it('allows the configured CORS origin in preflights, gateway responses and the functions', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      ResponseParameters: Match.objectLike({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://bank.example'" }),
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: Match.objectLike({
        IntegrationResponses: [
          Match.objectLike({
            ResponseParameters: Match.objectLike({
              'method.response.header.Access-Control-Allow-Origin': "'https://bank.example'",
            }),
          }),
        ],
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ CORS_ALLOW_ORIGIN: 'https://bank.example' }) },
    });
  });
});

describe('the CDK app', () => {
  it('fails synthesis with a clear message when adminEmail is missing', () => {
    // Prepare: what `cdk synth` passes to the app, minus adminEmail.
    const env = { ...process.env, CDK_CONTEXT_JSON: '{}', CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'iam-synth-')) };

    // Act
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infrastructure/aws/app.ts'], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });

    // Assess
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Context value adminEmail is required');
  });
});

interface PolicyStatementJson {
  Action: string | string[];
  Condition?: unknown;
}
