import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { IamStack } from '../../infrastructure/aws/iamStack.ts';
import { readSettings } from '../../infrastructure/aws/settings.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

describe('change events on AWS', () => {
  let stack: IamStack;
  let template: Template;
  let publisherId: string;
  let roleId: string;

  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as Parameters<IamStack['getLogicalId']>[0]);

  beforeAll(() => {
    // No stack is bundled: these assertions read the template only, and bundling every function takes a minute.
    const app = new App({
      context: { adminEmail: 'admin@example.com', 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const settings = readSettings(app.node);
    stack = new IamStack(app, settings.stackName, { settings });
    template = Template.fromStack(stack);
    publisherId = logicalId(stack.changeEvents.function);
    const publisher = template.toJSON().Resources[publisherId] as Resource;
    roleId = (publisher.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  });

  it('streams new and old images of the table', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('feeds the publisher from the stream, audit inserts only, reporting batch item failures, with a dead-letter queue', () => {
    const queueId = logicalId(stack.changeEvents.deadLetterQueue);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: publisherId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ParallelizationFactor: 1,
      MaximumRetryAttempts: 10,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'AUDIT#' }] } } } }) },
        ],
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('names the bus in the publisher environment and in the stack outputs', () => {
    const busId = logicalId(stack.changeEvents.bus);
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'DynamoDB Streams consumer: committed audit events to EventBridge',
      Environment: { Variables: { EVENT_BUS_NAME: { Ref: busId } } },
      Runtime: 'nodejs22.x',
    });
    template.hasOutput('EventBusName', { Value: { Ref: busId } });
  });

  it('lets the publisher read the stream, put events on its bus and send to its dead-letter queue, nothing else', () => {
    const busArn = { 'Fn::GetAtt': [logicalId(stack.changeEvents.bus), 'Arn'] };
    const queueArn = { 'Fn::GetAtt': [logicalId(stack.changeEvents.deadLetterQueue), 'Arn'] };
    const streamArn = { 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'StreamArn'] };
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const granted = statements.flatMap((statement) =>
      [statement.Action].flat().map((action) => ({ action, resource: statement.Resource })),
    );

    expect(granted).toEqual(
      expect.arrayContaining([
        { action: 'dynamodb:ListStreams', resource: '*' },
        { action: 'dynamodb:DescribeStream', resource: streamArn },
        { action: 'dynamodb:GetRecords', resource: streamArn },
        { action: 'dynamodb:GetShardIterator', resource: streamArn },
        { action: 'events:PutEvents', resource: busArn },
        { action: 'sqs:SendMessage', resource: queueArn },
      ]),
    );
    const allowed = new Set([
      'dynamodb:ListStreams',
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'events:PutEvents',
      'sqs:SendMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
    ]);
    expect(granted.map(({ action }) => action).filter((action) => !allowed.has(action))).toEqual([]);
    for (const { action, resource } of granted.filter(({ action }) => action.startsWith('events:'))) {
      expect({ action, resource }).toEqual({ action, resource: busArn });
    }
  });
});
