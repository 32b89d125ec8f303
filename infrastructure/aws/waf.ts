/**
 * The API's web ACL (AWS WAF, regional): a per-IP rate limit on the login endpoints, answered in
 * the service's 429 error shape, and optionally two AWS managed rule groups. Settings: `waf`,
 * `authRateLimit`, `wafManagedRules` (settings.ts).
 *
 * This is the edge layer of brute-force protection only. The service's own per-account and per-IP
 * lockout (counted in DynamoDB) is the one that holds for any single account; this rule stops one
 * address from spraying many accounts, or hammering the endpoints, before a Lambda even runs.
 */
import { Token } from 'aws-cdk-lib';
import type { CfnStage, Stage } from 'aws-cdk-lib/aws-apigateway';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { errorBody } from '../../shared/http/errors.ts';
import type { IamSettings } from './settings.ts';

export interface ApiFirewallProps {
  /** The REST API stage to protect (`restApi.deploymentStage`). */
  stage: Stage;
  settings: Pick<IamSettings, 'stackName' | 'authRateLimit' | 'wafManagedRules' | 'corsAllowOrigin'>;
}

/** WAF counts the rate over this trailing window; `authRateLimit` is per window. */
export const AUTH_RATE_WINDOW_SECONDS = 300;
export const AUTH_RATE_LIMIT_MESSAGE = 'Too many login attempts from this address; try again later';
export const AUTH_RATE_RULE_NAME = 'auth-rate-limit';
const TOO_MANY_REQUESTS_BODY = 'too-many-requests';

/**
 * The URI path prefixes the rate rule counts. WAF inspects the path as the client sent it: on the
 * default `execute-api` endpoint that path starts with the stage (`/prod/auth/login`); behind a
 * custom domain mapped at its root it is `/auth/login`. Both are counted. A custom domain mapped
 * under a base path (`/iam/auth/login`) would need its prefix added here.
 */
export function authPathPrefixes(stageName: string): string[] {
  return [`/${stageName}/auth/`, '/auth/'].map((prefix) => prefix.toLowerCase());
}

export class ApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;
  readonly association: CfnWebACLAssociation;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    const { stage, settings } = props;
    // The literal stage name (`prod`) from the L1 resource; `stage.stageName` is a Ref token.
    const stageName = (stage.node.defaultChild as CfnStage).stageName;
    if (!stageName || Token.isUnresolved(stageName)) throw new Error('ApiFirewall needs a stage with a literal stage name');

    const metric = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${settings.stackName}-${name}`,
    });

    const rules: CfnWebACL.RuleProperty[] = [
      {
        // First, so it counts every login attempt, including those a later rule would block.
        name: AUTH_RATE_RULE_NAME,
        priority: 0,
        statement: {
          rateBasedStatement: {
            limit: settings.authRateLimit,
            evaluationWindowSec: AUTH_RATE_WINDOW_SECONDS,
            aggregateKeyType: 'IP',
            scopeDownStatement: anyPathStartsWith(authPathPrefixes(stageName)),
          },
        },
        action: {
          block: {
            customResponse: {
              responseCode: 429,
              customResponseBodyKey: TOO_MANY_REQUESTS_BODY,
              responseHeaders: [
                // Once the address stops, its requests have all left the window after this long.
                { name: 'Retry-After', value: String(AUTH_RATE_WINDOW_SECONDS) },
                // WAF answers before API Gateway, so its gateway responses' CORS headers are not added.
                { name: 'Access-Control-Allow-Origin', value: settings.corsAllowOrigin ?? '*' },
                { name: 'Access-Control-Expose-Headers', value: 'Retry-After' },
              ],
            },
          },
        },
        visibilityConfig: metric(AUTH_RATE_RULE_NAME),
      },
    ];

    // AWS's baseline managed rule groups: no subscription, about $1 a month each on top of the web
    // ACL, and together ~900 of the 1,500 WCUs included in the web ACL's price. KnownBadInputs
    // (Log4j/Java deserialization probes, exploit patterns in paths) has few false positives;
    // Common (OWASP-style: XSS, LFI/RFI, SSRF to instance metadata, 8 KB body limit, requests
    // without a User-Agent) suits this JSON API, whose bodies are small. Their blocks are WAF's
    // plain 403, not our error shape. `-c wafManagedRules=false` drops both.
    if (settings.wafManagedRules) {
      for (const [index, name] of ['AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesCommonRuleSet'].entries()) {
        rules.push({
          name,
          priority: index + 1,
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          overrideAction: { none: {} },
          visibilityConfig: metric(name),
        });
      }
    }

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${settings.stackName}-api`,
      description: 'SME IAM API: per-IP rate limit on the /auth/ routes',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      customResponseBodies: {
        [TOO_MANY_REQUESTS_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify(errorBody(429, AUTH_RATE_LIMIT_MESSAGE)),
        },
      },
      rules,
      visibilityConfig: metric('api'),
    });

    // `stageArn` names the stage by its Ref, so CloudFormation creates the stage first; associating
    // with a stage that does not exist yet fails ("your resource doesn't exist").
    this.association = new CfnWebACLAssociation(this, 'Association', {
      resourceArn: stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
    this.association.node.addDependency(stage);
  }
}

/** A path starting with any of the prefixes, after URL-decoding (`%61uth`) and lower-casing (`/AUTH`). */
function anyPathStartsWith(prefixes: string[]): CfnWebACL.StatementProperty {
  const statements: CfnWebACL.StatementProperty[] = prefixes.map((prefix) => ({
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: prefix,
      textTransformations: [
        { priority: 0, type: 'URL_DECODE' },
        { priority: 1, type: 'LOWERCASE' },
      ],
    },
  }));
  return statements.length === 1 ? statements[0]! : { orStatement: { statements } };
}
