/** One CloudWatch dashboard: traffic and errors, logins, denials, the authorizer's cache, the table, the alarms. */
import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { AlarmStatusWidget, Dashboard, GraphWidget, MathExpression, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../../shared/observability/metrics.ts';
import { serviceMetric, WATCHED_TABLE_OPERATIONS } from './alarms.ts';

export interface OperationsDashboardProps {
  stackName: string;
  restApi: RestApi;
  table: Table;
  alarms: Alarm[];
}

const LOGIN_OUTCOMES = ['success', 'failure', 'locked', 'challenge', 'mfa_challenge', 'refused'];

export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { restApi, table } = props;
    const period = Duration.minutes(5);
    const search = (name: string) =>
      `SEARCH('{${METRICS_NAMESPACE},service,operation} MetricName="${name}"', 'Sum', ${period.toSeconds()})`;
    const byOperation = (name: string, label: string) => new MathExpression({ expression: search(name), label, period });
    const total = (name: string, label: string) =>
      new MathExpression({
        expression: `SUM(${search(name)})`,
        label,
        period,
      });

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${props.stackName}-operations` });
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 3 }));
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests, 4xx and 5xx',
        left: [restApi.metricCount({ period }), restApi.metricClientError({ period }), restApi.metricServerError({ period })],
        width: 8,
      }),
      new GraphWidget({
        title: 'API latency (p50, p99)',
        left: [restApi.metricLatency({ period, statistic: 'p50' }), restApi.metricLatency({ period, statistic: 'p99' })],
        width: 8,
      }),
      new GraphWidget({
        title: '5xx by route',
        left: [byOperation(METRIC.serverErrors, '5xx')],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Logins by outcome',
        left: LOGIN_OUTCOMES.map((outcome) => serviceMetric(METRIC.logins, { outcome }).with({ label: outcome })),
        stacked: true,
        width: 8,
      }),
      new GraphWidget({
        title: 'Lockouts and access denials',
        left: [
          serviceMetric(METRIC.lockouts, { scope: 'account' }).with({ label: 'account lockouts' }),
          serviceMetric(METRIC.lockouts, { scope: 'ip' }).with({ label: 'IP lockouts' }),
        ],
        right: [byOperation(METRIC.accessDenied, '403')],
        width: 8,
      }),
      new GraphWidget({
        // The authorizer runs only on a cache miss, so it counts the uncached decisions; requests count at the routes.
        title: 'Authorizer decisions: uncached vs all protected requests',
        left: [
          serviceMetric(METRIC.authorizerDecisions, { decision: 'allow' }).with({ label: 'uncached allow' }),
          serviceMetric(METRIC.authorizerDecisions, { decision: 'deny' }).with({ label: 'uncached deny' }),
          total(METRIC.requests, 'all protected and public requests at the routes'),
        ],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB: consumed capacity',
        left: [table.metricConsumedReadCapacityUnits({ period }), table.metricConsumedWriteCapacityUnits({ period })],
        width: 8,
      }),
      // One graph each: both math expressions name their metrics after the operations.
      new GraphWidget({
        title: 'DynamoDB: system errors',
        left: [table.metricSystemErrorsForOperations({ operations: WATCHED_TABLE_OPERATIONS, period })],
        width: 8,
      }),
      new GraphWidget({
        title: 'DynamoDB: throttled requests',
        left: [table.metricThrottledRequestsForOperations({ operations: WATCHED_TABLE_OPERATIONS, period })],
        width: 8,
      }),
    );
  }
}
