import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { readSettings } from '../../infrastructure/aws/settings.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

/** Bundling is skipped: these tests read alarms, topics and dashboards only. */
function buildTemplate(context: Record<string, unknown> = {}): Template {
  const app = new App({ context: { adminEmail: 'admin@example.com', 'aws:cdk:bundling-stacks': [], ...context } });
  const settings = readSettings(app.node);
  return Template.fromStack(new IamStack(app, settings.stackName, { settings }));
}

function alarmsByName(template: Template): Map<string, Resource> {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>);
  return new Map(alarms.map((alarm) => [String(alarm.Properties.AlarmName), alarm]));
}

describe('alarms and dashboard', () => {
  it('creates one alarm per failure the ops team is paged for', () => {
    // Act
    const alarms = alarmsByName(buildTemplate());

    // Assess
    expect([...alarms.keys()].sort()).toEqual(
      [
        'SmeIam-Api5xxRate',
        'SmeIam-AuthorizerErrors',
        'SmeIam-DeadLetters1',
        'SmeIam-DeadLetters2',
        'SmeIam-DeadLetters3',
        'SmeIam-LambdaThrottles',
        'SmeIam-TableSystemErrors',
        'SmeIam-TableThrottles',
        'SmeIam-WafBlocksSpike',
      ].sort(),
    );
  });

  it('alarms on the share of 5xx answers, not their count', () => {
    const template = buildTemplate();

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'SmeIam-Api5xxRate',
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Statistic: 'Average',
      Threshold: 0.01,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('counts authorizer failures as its Lambda errors minus the refusals it counted itself', () => {
    const alarm = alarmsByName(buildTemplate()).get('SmeIam-AuthorizerErrors')!;

    const queries = alarm.Properties.Metrics as {
      Id: string;
      Expression?: string;
      MetricStat?: { Metric: Record<string, unknown> };
    }[];

    expect(queries.find((query) => query.Expression)?.Expression).toBe('errors - FILL(denials, 0)');
    expect(queries.find((query) => query.Id === 'errors')?.MetricStat?.Metric).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
    });
    expect(queries.find((query) => query.Id === 'denials')?.MetricStat?.Metric).toMatchObject({
      Namespace: 'SmeIam',
      MetricName: 'AuthorizerDecisions',
      Dimensions: expect.arrayContaining([{ Name: 'decision', Value: 'deny' }]),
    });
  });

  it('watches the table for system errors and throttles, the dead-letter queue and the firewall', () => {
    const alarms = alarmsByName(buildTemplate());

    const metricNames = (name: string) =>
      (alarms.get(name)!.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[])
        .map((query) => query.MetricStat?.Metric.MetricName)
        .filter(Boolean);
    expect(new Set(metricNames('SmeIam-TableSystemErrors'))).toEqual(new Set(['SystemErrors']));
    expect(new Set(metricNames('SmeIam-TableThrottles'))).toEqual(new Set(['ThrottledRequests']));
    expect(alarms.get('SmeIam-DeadLetters1')!.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
    expect(alarms.get('SmeIam-WafBlocksSpike')!.Properties).toMatchObject({
      Namespace: 'AWS/WAFV2',
      MetricName: 'BlockedRequests',
      Threshold: 100,
      Dimensions: expect.arrayContaining([
        { Name: 'WebACL', Value: 'SmeIam-api' },
        { Name: 'Rule', Value: 'ALL' },
      ]),
    });
  });

  it('has no topic and no alarm actions without alarmEmail', () => {
    const template = buildTemplate();

    template.resourceCountIs('AWS::SNS::Topic', 0);
    for (const alarm of alarmsByName(template).values()) expect(alarm.Properties.AlarmActions).toBeUndefined();
  });

  it('sends every alarm and its recovery to a TLS-only topic with an email subscription when alarmEmail is given', () => {
    // Act
    const template = buildTemplate({ alarmEmail: 'ops@bank.example' });

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 1);
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@bank.example' });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    for (const alarm of alarmsByName(template).values()) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it('refuses an alarmEmail that is not an email address', () => {
    expect(() => buildTemplate({ alarmEmail: 'ops team' })).toThrow('alarmEmail must be an email address');
  });

  it('drops the firewall alarm when the firewall is off', () => {
    const alarms = alarmsByName(buildTemplate({ waf: 'false' }));

    expect(alarms.has('SmeIam-WafBlocksSpike')).toBe(false);
    expect(alarms.has('SmeIam-Api5xxRate')).toBe(true);
  });

  it('creates one dashboard with logins, lockouts, denials, 5xx by route and the authorizer’s uncached decisions', () => {
    const template = buildTemplate();

    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard') as Record<string, Resource>);
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    expect(dashboards[0]!.Properties.DashboardName).toBe('SmeIam-operations');
    for (const text of ['Logins', 'Lockouts', 'AccessDenied', 'ServerErrors', 'AuthorizerDecisions', 'Requests', '5XXError']) {
      expect(body).toContain(text);
    }
  });
});
