import { Duration } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestAuthorizer,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTION_PERMISSIONS, routePermissions } from '../../shared/api/functionPermissions.ts';
import type { RouteDefinition } from '../../shared/api/routeDefinition.ts';
import { ROUTES } from '../../shared/api/routes.ts';
import { CORS_HEADERS } from '../../shared/http/headers.ts';
import { grantFunctionPermissions } from './functionGrants.ts';
import { addGatewayResponses } from './gatewayResponses.ts';
import { iamFunction } from './lambdaFunction.ts';
import type { IamSettings } from './settings.ts';

export const STAGE_NAME = 'prod';

export interface IamApiProps {
  settings: IamSettings;
  table: Table;
  /** What every function reads: table name, user pool and client ids. */
  environment: Record<string, string>;
  /** What the authorizer reads besides: the pool's JWKS, read at deploy time. */
  authorizerEnvironment: Record<string, string>;
  /** Functions that send Cognito admin actions are granted them on this pool only. */
  userPoolArn: string;
}

/** The REST API, built from the route manifest: one function and one method per route. */
export class IamApi extends Construct {
  readonly restApi: RestApi;
  readonly routeFunctions = new Map<string, LambdaFunction>();
  private authorizer?: RequestAuthorizer;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: IamApiProps,
  ) {
    super(scope, id);
    const { settings } = props;
    // The origin comes from context, never from the synthesizing shell's CORS_ALLOW_ORIGIN, so it matches the functions' environment.
    const cors: Record<string, string> = { ...CORS_HEADERS, 'Access-Control-Allow-Origin': settings.corsAllowOrigin ?? '*' };
    const commaList = (name: string) => (cors[name] ?? '').split(',').filter(Boolean);

    this.restApi = new RestApi(this, 'RestApi', {
      restApiName: `${settings.stackName}-api`,
      description: 'SME banking identity and access management',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      cloudWatchRole: settings.accessLogs,
      deployOptions: {
        stageName: STAGE_NAME,
        throttlingRateLimit: settings.throttlingRateLimit,
        throttlingBurstLimit: settings.throttlingBurstLimit,
        tracingEnabled: settings.tracing,
        ...(settings.accessLogs
          ? {
              accessLogDestination: new LogGroupLogDestination(
                new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH }),
              ),
              accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
              // Execution logs for failed requests only, without bodies: tokens and passwords travel in them.
              loggingLevel: MethodLoggingLevel.ERROR,
              dataTraceEnabled: false,
            }
          : {}),
      },
      defaultCorsPreflightOptions: {
        allowOrigins: commaList('Access-Control-Allow-Origin'),
        allowHeaders: commaList('Access-Control-Allow-Headers'),
        allowMethods: commaList('Access-Control-Allow-Methods'),
        exposeHeaders: commaList('Access-Control-Expose-Headers'),
        maxAge: Duration.seconds(Number(cors['Access-Control-Max-Age'] ?? 600)),
      },
    });

    for (const route of ROUTES) this.addRoute(route);
    addGatewayResponses(this.restApi, cors);
  }

  private addRoute(route: RouteDefinition): void {
    const fn = iamFunction(this, `${capitalize(route.operationId)}Function`, {
      handler: route.handler,
      environment: this.props.environment,
      tracing: this.props.settings.tracing,
      description: `${route.method} ${route.path}`,
      bundleFiles: route.bundleFiles,
    });
    grantFunctionPermissions(fn, routePermissions(route), {
      table: this.props.table,
      userPoolArn: this.props.userPoolArn,
    });
    this.routeFunctions.set(route.operationId, fn);

    const integration = new LambdaIntegration(fn, { allowTestInvoke: false });
    this.restApi.root
      .resourceForPath(route.path)
      .addMethod(
        route.method,
        integration,
        route.access.kind === 'public'
          ? { operationName: route.operationId, authorizationType: AuthorizationType.NONE }
          : { operationName: route.operationId, authorizer: this.requestAuthorizer() },
      );
  }

  /**
   * Created on first use: an authorizer no method uses fails synthesis.
   * Identity source is the Authorization header alone: with caching on, a request missing any
   * identity source is refused before the authorizer runs, and the group context header is optional.
   */
  private requestAuthorizer(): RequestAuthorizer {
    if (this.authorizer) return this.authorizer;
    const fn = iamFunction(this, 'AuthorizerFunction', {
      handler: 'authorizer',
      environment: { ...this.props.environment, ...this.props.authorizerEnvironment },
      tracing: this.props.settings.tracing,
      description: 'REQUEST authorizer: verifies the token, loads the caller and memberships',
    });
    // One Query on the user's partition, nothing more.
    grantFunctionPermissions(fn, FUNCTION_PERMISSIONS.authorizer, { table: this.props.table });
    this.authorizer = new RequestAuthorizer(this, 'Authorizer', {
      handler: fn,
      identitySources: [IdentitySource.header('Authorization')],
      resultsCacheTtl: Duration.seconds(this.props.settings.authorizerCacheSeconds),
    });
    return this.authorizer;
  }
}

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
