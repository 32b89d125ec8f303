/**
 * The edge protection of the API on AWS: the WAF web ACL with its per-IP rate limit on `/auth/*`.
 * Stage throttling and the user pool's password policy, MFA, hosted client and domain are asserted
 * in iamStack.test.ts.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGE_NAME } from '../../infrastructure/aws/api.ts';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { readSettings } from '../../infrastructure/aws/settings.ts';
import { AUTH_RATE_RULE_NAME } from '../../infrastructure/aws/waf.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };
type Rule = {
  Name: string;
  Priority: number;
  Statement: Record<string, unknown>;
  Action?: Record<string, unknown>;
  OverrideAction?: Record<string, unknown>;
  VisibilityConfig: Record<string, unknown>;
};

const ADMIN_EMAIL = 'admin@example.com';

/** Builds the stack the way app.ts does, without bundling: these tests only read the WAF resources. */
function buildTemplate(context: Record<string, unknown>): Template {
  const app = new App({
    context: { adminEmail: ADMIN_EMAIL, 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
  });
  const settings = readSettings(app.node);
  return Template.fromStack(new IamStack(app, settings.stackName, { settings }));
}

function onlyResource(template: Template, type: string): [string, Resource] {
  const resources = Object.entries(template.findResources(type) as Record<string, Resource>);
  expect(resources).toHaveLength(1);
  return resources[0]!;
}

const webAcl = (template: Template) => onlyResource(template, 'AWS::WAFv2::WebACL')[1].Properties;
const rules = (template: Template) => webAcl(template).Rules as Rule[];
const rateRule = (template: Template) => rules(template).find((rule) => rule.Name === AUTH_RATE_RULE_NAME)!;

/**
 * What WAF does with a URI path for the statement kinds the rate rule uses (OR of byte matches on
 * the path with URL_DECODE / LOWERCASE); anything else fails the test rather than guess.
 */
function pathMatches(statement: Record<string, unknown>, path: string): boolean {
  if ('OrStatement' in statement) {
    return (statement.OrStatement as { Statements: Record<string, unknown>[] }).Statements.some((inner) =>
      pathMatches(inner, path),
    );
  }
  if ('ByteMatchStatement' in statement) {
    const match = statement.ByteMatchStatement as {
      FieldToMatch: Record<string, unknown>;
      PositionalConstraint: string;
      SearchString: string;
      TextTransformations: { Priority: number; Type: string }[];
    };
    expect(Object.keys(match.FieldToMatch)).toEqual(['UriPath']);
    let value = path;
    for (const { Type } of [...match.TextTransformations].sort((a, b) => a.Priority - b.Priority)) {
      if (Type === 'URL_DECODE') value = decodeURIComponent(value);
      else if (Type === 'LOWERCASE') value = value.toLowerCase();
      else if (Type !== 'NONE') throw new Error(`Unexpected text transformation ${Type}`);
    }
    if (match.PositionalConstraint === 'STARTS_WITH') return value.startsWith(match.SearchString);
    if (match.PositionalConstraint === 'CONTAINS') return value.includes(match.SearchString);
    if (match.PositionalConstraint === 'EXACTLY') return value === match.SearchString;
    throw new Error(`Unexpected positional constraint ${match.PositionalConstraint}`);
  }
  throw new Error(`Unexpected statement ${Object.keys(statement).join(',')}`);
}

describe('API protection with default settings', () => {
  let template: Template;

  beforeAll(() => {
    // Prepare + Act, once.
    template = buildTemplate({});
  });

  it('puts one regional web ACL in front of the API that allows what no rule blocks', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
  });

  it('records CloudWatch metrics and sampled requests for the web ACL and every rule', () => {
    const configs = [webAcl(template).VisibilityConfig, ...rules(template).map((rule) => rule.VisibilityConfig)];

    for (const config of configs) {
      expect(config).toEqual({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: expect.any(String) });
    }
  });

  it('evaluates the auth rate rule before any other rule', () => {
    const priorities = rules(template).map((rule) => rule.Priority);

    expect(rateRule(template).Priority).toBe(Math.min(...priorities));
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it('rate-limits each client IP to 100 requests per 5 minutes by default', () => {
    expect(rateRule(template).Statement.RateBasedStatement).toEqual(
      expect.objectContaining({ Limit: 100, EvaluationWindowSec: 300, AggregateKeyType: 'IP' }),
    );
  });

  it('counts only requests whose path is under /auth/, with or without the stage prefix', () => {
    const scopeDown = (rateRule(template).Statement.RateBasedStatement as { ScopeDownStatement: Record<string, unknown> })
      .ScopeDownStatement;
    const counted = (path: string) => pathMatches(scopeDown, path);

    // The default endpoint: WAF sees the stage in the path.
    expect(counted(`/${STAGE_NAME}/auth/login`)).toBe(true);
    expect(counted(`/${STAGE_NAME}/auth/challenge`)).toBe(true);
    expect(counted(`/${STAGE_NAME}/auth/refresh`)).toBe(true);
    // A custom domain mapped at its root.
    expect(counted('/auth/login')).toBe(true);
    // Case and percent-encoding do not slip past it.
    expect(counted(`/${STAGE_NAME}/AUTH/login`)).toBe(true);
    expect(counted(`/${STAGE_NAME}/%61uth/login`)).toBe(true);
    // Everything else is not counted.
    expect(counted(`/${STAGE_NAME}/groups`)).toBe(false);
    expect(counted(`/${STAGE_NAME}/users/me`)).toBe(false);
    expect(counted(`/${STAGE_NAME}/health`)).toBe(false);
    expect(counted(`/${STAGE_NAME}/groups/%2Fauth`)).toBe(false);
  });

  it('blocks an address over the limit with 429, Retry-After and the service error body', () => {
    const response = (rateRule(template).Action as { Block: { CustomResponse: Record<string, unknown> } }).Block.CustomResponse;
    const bodies = webAcl(template).CustomResponseBodies as Record<string, { ContentType: string; Content: string }>;
    const body = bodies[response.CustomResponseBodyKey as string]!;

    expect(response.ResponseCode).toBe(429);
    expect(response.ResponseHeaders).toEqual(expect.arrayContaining([{ Name: 'Retry-After', Value: '300' }]));
    expect(body.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body.Content)).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many login attempts from this address; try again later',
    });
  });

  it('lets browsers read the 429: it allows any origin and exposes Retry-After', () => {
    const response = (rateRule(template).Action as { Block: { CustomResponse: Record<string, unknown> } }).Block.CustomResponse;

    expect(response.ResponseHeaders).toEqual(
      expect.arrayContaining([
        { Name: 'Access-Control-Allow-Origin', Value: '*' },
        { Name: 'Access-Control-Expose-Headers', Value: 'Retry-After' },
      ]),
    );
  });

  it('associates the web ACL with the API stage, once the stage exists', () => {
    const [aclId] = onlyResource(template, 'AWS::WAFv2::WebACL');
    const [stageId] = onlyResource(template, 'AWS::ApiGateway::Stage');
    const [apiId] = onlyResource(template, 'AWS::ApiGateway::RestApi');
    const [, association] = onlyResource(template, 'AWS::WAFv2::WebACLAssociation');

    expect(association.Properties.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    // arn:aws:apigateway:<region>::/restapis/<api id>/stages/<stage name>
    expect(association.Properties.ResourceArn).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':apigateway:',
          { Ref: 'AWS::Region' },
          '::/restapis/',
          { Ref: apiId },
          '/stages/',
          { Ref: stageId },
        ],
      ],
    });
    expect(association.DependsOn).toContain(stageId);
  });

  it('adds the AWS KnownBadInputs and Common managed rule groups with their own actions', () => {
    const managed = rules(template).filter((rule) => 'ManagedRuleGroupStatement' in rule.Statement);

    expect(managed.map((rule) => rule.Statement.ManagedRuleGroupStatement)).toEqual([
      { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
      { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
    ]);
    for (const rule of managed) expect(rule.OverrideAction).toEqual({ None: {} });
  });
});

describe('API protection with settings from context', () => {
  let configured: Template;
  let withoutWaf: Template;

  beforeAll(() => {
    // Values given with `cdk -c` arrive as strings.
    configured = buildTemplate({ authRateLimit: '500', wafManagedRules: 'false', corsAllowOrigin: 'https://bank.example' });
    withoutWaf = buildTemplate({ waf: 'false' });
  });

  it('leaves the web ACL and its association out with waf=false', () => {
    withoutWaf.resourceCountIs('AWS::WAFv2::WebACL', 0);
    withoutWaf.resourceCountIs('AWS::WAFv2::WebACLAssociation', 0);
  });

  it('uses the per-IP limit from authRateLimit', () => {
    configured.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Name: AUTH_RATE_RULE_NAME, Statement: { RateBasedStatement: Match.objectLike({ Limit: 500 }) } }),
      ]),
    });
  });

  it('keeps only the auth rate rule with wafManagedRules=false', () => {
    expect(rules(configured).map((rule) => rule.Name)).toEqual([AUTH_RATE_RULE_NAME]);
  });

  it('allows the configured CORS origin on the 429', () => {
    const response = (rateRule(configured).Action as { Block: { CustomResponse: Record<string, unknown> } }).Block.CustomResponse;

    expect(response.ResponseHeaders).toEqual(
      expect.arrayContaining([{ Name: 'Access-Control-Allow-Origin', Value: 'https://bank.example' }]),
    );
  });

  it('refuses an authRateLimit below the WAF minimum of 10', () => {
    const app = new App({ context: { adminEmail: ADMIN_EMAIL, authRateLimit: '9' } });

    expect(() => readSettings(app.node)).toThrow('authRateLimit must be between 10 and 2000000000');
  });
});
