import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { callbackUrl } from '../../shared/login/loginFlow.ts';
import { IamApi, STAGE_NAME } from './api.ts';
import { ChangeEvents } from './changeEvents.ts';
import { Seed } from './seed.ts';
import { SignupTrigger } from './signupTrigger.ts';
import type { IamSettings } from './settings.ts';
import { createTable } from './table.ts';
import { IamUserPool } from './userPool.ts';
import { ApiFirewall } from './waf.ts';

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
    const environment: Record<string, string> = {
      IAM_TABLE_NAME: table.tableName,
      COGNITO_USER_POOL_ID: logins.userPool.userPoolId,
      COGNITO_API_CLIENT_ID: logins.apiClient.userPoolClientId,
      COGNITO_CLIENT_IDS: [logins.apiClient.userPoolClientId, logins.hostedClient.userPoolClientId].join(','),
      COGNITO_HOSTED_CLIENT_ID: logins.hostedClient.userPoolClientId,
      COGNITO_HOSTED_DOMAIN: logins.domain.baseUrl(),
      ...(settings.corsAllowOrigin ? { CORS_ALLOW_ORIGIN: settings.corsAllowOrigin } : {}),
    };

    this.api = new IamApi(this, 'Api', { settings, table, environment, userPoolArn: logins.userPool.userPoolArn });
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
    new SignupTrigger(this, 'Signup', { userPool: logins.userPool, table, tracing: settings.tracing });
    this.changeEvents = new ChangeEvents(this, 'ChangeEvents', { table, tracing: settings.tracing });
    if (settings.waf) new ApiFirewall(this, 'Firewall', { stage: this.api.restApi.deploymentStage, settings });

    new CfnOutput(this, 'ApiUrl', { value: this.api.restApi.url });
    new CfnOutput(this, 'UserPoolId', { value: logins.userPool.userPoolId });
    new CfnOutput(this, 'ApiClientId', { value: logins.apiClient.userPoolClientId });
    new CfnOutput(this, 'HostedClientId', { value: logins.hostedClient.userPoolClientId });
    new CfnOutput(this, 'HostedLoginDomain', { value: logins.domain.baseUrl() });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.changeEvents.bus.eventBusName });
  }
}
