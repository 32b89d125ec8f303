/**
 * What pages the ops team: CloudWatch alarms on the API, the authorizer, Lambda throttles, the
 * table, the dead-letter queues and the firewall, optionally sent to an SNS topic with an email
 * subscription (`-c alarmEmail=ops@bank.example`).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../../shared/observability/metrics.ts';
import { SERVICE_NAME } from '../../../shared/observability/logger.ts';

export interface OperationsAlarmsProps {
  stackName: string;
  restApi: RestApi;
  authorizer: IFunction;
  table: Table;
  deadLetterQueues: Queue[];
  /** The web ACL's name, when the firewall is on. */
  webAclName?: string;
  alarmEmail?: string;
  wafBlockedThreshold: number;
}

const FIVE_MINUTES = Duration.minutes(5);

/** The table operations the service uses; alarms on metric math take at most 10 metrics. */
export const WATCHED_TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.QUERY,
  Operation.BATCH_GET_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
];

/** A metric the service writes itself (embedded metric format, shared/observability/metrics.ts). */
export function serviceMetric(name: string, dimensions: Record<string, string> = {}): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: SERVICE_NAME, ...dimensions },
    statistic: 'Sum',
    period: FIVE_MINUTES,
  });
}

export class OperationsAlarms extends Construct {
  readonly topic?: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    if (props.alarmEmail) {
      this.topic = new Topic(this, 'AlarmTopic', { displayName: `${props.stackName} alarms`, enforceSSL: true });
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }

    this.add('Api5xxRate', {
      // API Gateway's 5XXError averages to the share of requests answered 5xx; a 5xx is always a bug.
      metric: props.restApi.metricServerError({ statistic: 'Average', period: FIVE_MINUTES }),
      threshold: 0.01,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: 'More than 1% of API requests answered 5xx in 2 of the last 3 five-minute periods.',
    });

    // Refusing a token is a Lambda error too (API Gateway's protocol for a 401), so the alarm
    // subtracts the refusals the authorizer counted: what is left are crashes and timeouts.
    this.add('AuthorizerErrors', {
      metric: new MathExpression({
        expression: 'errors - FILL(denials, 0)',
        usingMetrics: {
          errors: props.authorizer.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          denials: serviceMetric(METRIC.authorizerDecisions, { decision: 'deny' }),
        },
        period: FIVE_MINUTES,
        label: 'Authorizer failures (errors that are not refusals)',
      }),
      threshold: 5,
      description: 'The authorizer failed (not refused) 5 or more times in five minutes: every protected route answers 500.',
    });

    this.add('LambdaThrottles', {
      // Account-wide in this region: a throttled route or authorizer is a failed request.
      metric: new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: FIVE_MINUTES }),
      threshold: 1,
      description: 'Lambda throttled invocations in this account and region: raise the concurrency quota or find the runaway.',
    });

    this.add('TableSystemErrors', {
      metric: props.table.metricSystemErrorsForOperations({ operations: WATCHED_TABLE_OPERATIONS, period: FIVE_MINUTES }),
      threshold: 1,
      description: 'DynamoDB answered requests to the table with internal errors (HTTP 500).',
    });

    this.add('TableThrottles', {
      metric: props.table.metricThrottledRequestsForOperations({ operations: WATCHED_TABLE_OPERATIONS, period: FIVE_MINUTES }),
      threshold: 1,
      description: 'DynamoDB throttled requests to the table (on-demand limits or a hot partition).',
    });

    for (const [index, queue] of props.deadLetterQueues.entries()) {
      this.add(`DeadLetters${index + 1}`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: FIVE_MINUTES }),
        threshold: 1,
        description: `An asynchronous invocation failed for good and waits in ${queue.node.path}.`,
      });
    }

    if (props.webAclName) {
      this.add('WafBlocksSpike', {
        metric: new Metric({
          namespace: 'AWS/WAFV2',
          metricName: 'BlockedRequests',
          dimensionsMap: { WebACL: props.webAclName, Region: Stack.of(this).region, Rule: 'ALL' },
          statistic: 'Sum',
          period: FIVE_MINUTES,
        }),
        threshold: props.wafBlockedThreshold,
        description: `The firewall blocked ${props.wafBlockedThreshold} or more requests in five minutes: an attack, or a rule blocking real clients.`,
      });
    }
  }

  private add(
    id: string,
    options: { metric: IMetric; threshold: number; description: string; evaluationPeriods?: number; datapointsToAlarm?: number },
  ): void {
    const alarm = new Alarm(this, id, {
      alarmName: `${Stack.of(this).stackName}-${id}`,
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      datapointsToAlarm: options.datapointsToAlarm,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    if (this.topic) {
      alarm.addAlarmAction(new SnsAction(this.topic));
      alarm.addOkAction(new SnsAction(this.topic));
    }
    this.alarms.push(alarm);
  }
}
