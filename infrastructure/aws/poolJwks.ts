import { CustomResource } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { addDeadLetterQueue } from './operations/deadLetterQueue.ts';
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
    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.function,
      logGroup: new LogGroup(this, 'ProviderLogs', { retention: RetentionDays.ONE_MONTH }),
    });
    this.deadLetterQueue = addDeadLetterQueue(
      this,
      'ProviderDeadLetters',
      provider.node.findChild('framework-onEvent') as LambdaFunction,
    );
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::IamPoolJwks',
      properties: { UserPoolId: props.userPool.userPoolId },
    });
    this.jwks = resource.getAttString('Jwks');
  }
}
