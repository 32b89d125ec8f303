import { CustomResource } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Provider } from 'aws-cdk-lib/custom-resources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { customResourceProvider } from './customResourceProvider.ts';
import { iamFunction } from './lambdaFunction.ts';

export interface SeedProps {
  adminEmail: string;
  table: Table;
  userPool: UserPool;
  environment: Record<string, string>;
  tracing: boolean;
}

/** Creates the root group and the first admin once, when the stack is created. */
export class Seed extends Construct {
  readonly function: LambdaFunction;
  readonly resource: CustomResource;
  readonly provider: Provider;
  /** CloudFormation invokes the provider asynchronously: an event it keeps failing on lands here. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: SeedProps) {
    super(scope, id);
    this.function = iamFunction(this, 'SeedFunction', {
      handler: 'seed/seedCustomResource',
      environment: props.environment,
      tracing: props.tracing,
      description: 'Seeds the root group and the first admin',
    });
    props.table.grantWriteData(this.function);
    props.userPool.grant(this.function, 'cognito-idp:AdminCreateUser');

    const { provider, deadLetterQueue } = customResourceProvider(this, this.function);
    this.provider = provider;
    this.deadLetterQueue = deadLetterQueue;
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::IamSeed',
      properties: { AdminEmail: props.adminEmail },
    });
  }
}
