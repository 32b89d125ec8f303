import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { addDeadLetterQueue } from './operations/deadLetterQueue.ts';

export interface CustomResourceProvider {
  provider: Provider;
  /** CloudFormation invokes the provider asynchronously: an event it keeps failing on lands here. */
  deadLetterQueue: Queue;
}

/** A CDK Provider for `onEvent`, with its logs kept a month and a dead-letter queue on its framework function. */
export function customResourceProvider(scope: Construct, onEvent: LambdaFunction): CustomResourceProvider {
  const provider = new Provider(scope, 'Provider', {
    onEventHandler: onEvent,
    logGroup: new LogGroup(scope, 'ProviderLogs', { retention: RetentionDays.ONE_MONTH }),
  });
  const deadLetterQueue = addDeadLetterQueue(
    scope,
    'ProviderDeadLetters',
    provider.node.findChild('framework-onEvent') as LambdaFunction,
  );
  return { provider, deadLetterQueue };
}
