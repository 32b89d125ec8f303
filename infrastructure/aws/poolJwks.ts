import { CustomResource } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { customResourceProvider } from './customResourceProvider.ts';
import { iamFunction } from './lambdaFunction.ts';

export interface PoolJwksProps {
  userPool: UserPool;
  tracing: boolean;
}

/**
 * Reads the user pool's public signing keys once per deployment (functions/jwks/poolJwksCustomResource.ts),
 * so the authorizer is handed them in its environment instead of fetching them on every cold start.
 */
export class PoolJwks extends Construct {
  /** The pool's JWKS as JSON ('' when too large to hand over: the authorizer then fetches it). */
  readonly jwks: string;
  readonly function: LambdaFunction;
  /** CloudFormation invokes the provider asynchronously: an event it keeps failing on lands here. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: PoolJwksProps) {
    super(scope, id);
    // No grant: the keys are public, read over HTTPS.
    this.function = iamFunction(this, 'JwksFunction', {
      handler: 'jwks/poolJwksCustomResource',
      environment: {},
      tracing: props.tracing,
      description: "Reads the user pool's JWKS for the authorizer at deploy time",
    });
    const { provider, deadLetterQueue } = customResourceProvider(this, this.function);
    this.deadLetterQueue = deadLetterQueue;
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::IamPoolJwks',
      properties: { UserPoolId: props.userPool.userPoolId },
    });
    this.jwks = resource.getAttString('Jwks');
  }
}
