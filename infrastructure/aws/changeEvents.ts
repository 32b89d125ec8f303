import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AUDIT_PARTITION_PREFIX } from '../../shared/events/changeEvent.ts';
import { STREAM_RETRY_ATTEMPTS } from '../../shared/events/deliverChanges.ts';
import { iamFunction } from './lambdaFunction.ts';

export interface ChangeEventsProps {
  /** The table, with its stream enabled. */
  table: Table;
  tracing: boolean;
}

/**
 * Change events for the bank's other systems: a consumer of the table's stream publishes every
 * committed audit event to this stack's bus. Records it cannot publish after its retries go,
 * as stream positions, to the dead-letter queue (alarm on its depth; replay from the stream,
 * which keeps 24 hours). It may read the stream and put events on this bus, nothing else.
 */
export class ChangeEvents extends Construct {
  readonly bus: EventBus;
  readonly deadLetterQueue: Queue;
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ChangeEventsProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { description: 'Committed IAM changes (detail-type = event type)' });
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.function = iamFunction(this, 'Publisher', {
      handler: 'events/publishChanges',
      description: 'DynamoDB Streams consumer: committed audit events to EventBridge',
      environment: { EVENT_BUS_NAME: this.bus.eventBusName },
      tracing: props.tracing,
    });
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // One batch per shard at a time keeps every item's events in commit order.
        parallelizationFactor: 1,
        reportBatchItemFailures: true,
        retryAttempts: STREAM_RETRY_ATTEMPTS,
        onFailure: new SqsDlq(this.deadLetterQueue),
        // Only audit events wake the consumer; it checks again itself.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(AUDIT_PARTITION_PREFIX) } } },
          }),
        ],
      }),
    );
    this.bus.grantPutEventsTo(this.function);
  }
}
