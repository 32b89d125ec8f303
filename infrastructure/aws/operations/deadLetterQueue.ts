import { Duration } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A function invoked asynchronously (by CloudFormation, EventBridge, S3, ...) loses an event that
 * still fails after Lambda's two retries, unless it has somewhere to go. This queue keeps it for
 * 14 days; the DLQ depth alarm (alarms.ts) pages when anything lands in it.
 */
export function addDeadLetterQueue(scope: Construct, id: string, fn: LambdaFunction): Queue {
  const queue = new Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  fn.configureAsyncInvoke({ onFailure: new SqsDestination(queue), retryAttempts: 2 });
  return queue;
}
