import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { callbackUrl } from '../../shared/login/loginFlow.ts';
import { IamApi, STAGE_NAME } from './api.ts';
import { acknowledgeNagFindings } from './operations/nagAcknowledgements.ts';
import { OperationsAlarms } from './operations/alarms.ts';
import { OperationsDashboard } from './operations/dashboard.ts';
import { ChangeEvents } from './changeEvents.ts';
import { PoolJwks } from './poolJwks.ts';
import { Seed } from './seed.ts';
import { SignupTrigger } from './signupTrigger.ts';
import type { IamSettings } from './settings.ts';
import { createTable } from './table.ts';
import { IamUserPool } from './userPool.ts';
import { ApiFirewall } from './waf.ts';
import { environmentVariables } from '../../shared/config/environment.ts';

export interface IamStackProps extends StackProps {
  settings: IamSettings;
}

export class IamStack extends Stack {
  readonly api: IamApi;
  readonly seed: Seed;
  readonly changeEvents: ChangeEvents;

  constructor(scope: Construct, id: string, props: IamStackProps) {
    super(scope, id, { description: 'SME banking identity and access management', ...props });
    const { settings } = props;
    const table = createTable(this, settings.deletionProtection);
    const logins = new IamUserPool(this, 'Logins', settings);

    // COGNITO_ENDPOINT and DYNAMODB_ENDPOINT are local-mode only and never set here.
    const environment = environmentVariables({
      tableName: table.tableName,
      userPoolId: logins.userPool.userPoolId,
      apiClientId: logins.apiClient.userPoolClientId,
      clientIds: [logins.apiClient.userPoolClientId, logins.hostedClient.userPoolClientId].join(','),
      hostedClientId: logins.hostedClient.userPoolClientId,
      hostedDomain: logins.domain.baseUrl(),
      corsAllowOrigin: settings.corsAllowOrigin || undefined,
      auditRetentionDays: String(settings.auditRetentionDays),
    });

    const poolJwks = new PoolJwks(this, 'PoolJwks', { userPool: logins.userPool, tracing: settings.tracing });
    this.api = new IamApi(this, 'Api', {
      settings,
      table,
      environment,
      authorizerEnvironment: environmentVariables({ poolJwks: poolJwks.jwks }),
      userPoolArn: logins.userPool.userPoolArn,
    });
    // From the RestApi id, not restApi.url: the URL names the stage, which depends on every method, every function and so on this client.
    logins.addCallbackUrl(
      callbackUrl(`https://${this.api.restApi.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${STAGE_NAME}`),
    );
    this.seed = new Seed(this, 'Seed', {
      adminEmail: settings.adminEmail,
      table,
      userPool: logins.userPool,
      environment,
      tracing: settings.tracing,
    });
    new SignupTrigger(this, 'Signup', {
      userPool: logins.userPool,
      table,
      tracing: settings.tracing,
      auditRetentionDays: settings.auditRetentionDays,
    });
    this.changeEvents = new ChangeEvents(this, 'ChangeEvents', { table, tracing: settings.tracing });
    const firewall = settings.waf
      ? new ApiFirewall(this, 'Firewall', { stage: this.api.restApi.deploymentStage, settings })
      : undefined;
    const operations = new OperationsAlarms(this, 'Alarms', {
      stackName: settings.stackName,
      restApi: this.api.restApi,
      authorizer: this.api.node.findChild('AuthorizerFunction') as NodejsFunction,
      table,
      deadLetterQueues: [this.seed.deadLetterQueue, this.changeEvents.deadLetterQueue, poolJwks.deadLetterQueue],
      webAclName: firewall?.webAcl.name,
      alarmEmail: settings.alarmEmail,
      wafBlockedThreshold: settings.wafBlockedAlarmThreshold,
    });
    new OperationsDashboard(this, 'Dashboard', {
      stackName: settings.stackName,
      restApi: this.api.restApi,
      table,
      alarms: operations.alarms,
    });

    acknowledgeNagFindings({
      stack: this,
      table,
      userPool: logins.userPool,
      restApi: this.api.restApi,
      customResourceFunctions: [this.seed.function, poolJwks.function],
      deadLetterQueues: [this.seed.deadLetterQueue, this.changeEvents.deadLetterQueue, poolJwks.deadLetterQueue],
      streamConsumers: [this.changeEvents.function],
      alarmTopic: operations.topic,
      settings,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.restApi.url });
    new CfnOutput(this, 'UserPoolId', { value: logins.userPool.userPoolId });
    new CfnOutput(this, 'ApiClientId', { value: logins.apiClient.userPoolClientId });
    new CfnOutput(this, 'HostedClientId', { value: logins.hostedClient.userPoolClientId });
    new CfnOutput(this, 'HostedLoginDomain', { value: logins.domain.baseUrl() });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.changeEvents.bus.eventBusName });
  }
}
