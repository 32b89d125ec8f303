/**
 * The cdk-nag AwsSolutions findings this stack accepts, each with its reason. Everything else is
 * fixed in the constructs. The README's "cdk-nag" section lists the same acknowledgements.
 */
import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { CfnMethod, RestApi } from 'aws-cdk-lib/aws-apigateway';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import type { IamSettings } from '../settings.ts';

export interface NagSubjects {
  stack: Stack;
  table: Table;
  userPool: UserPool;
  restApi: RestApi;
  /** The onEvent functions of the stack's custom-resource providers (the seed, the pool's JWKS reader). */
  customResourceFunctions: NodejsFunction[];
  deadLetterQueues: Queue[];
  /** Functions reading a DynamoDB stream through an event source mapping. */
  streamConsumers: IConstruct[];
  alarmTopic?: Topic;
  settings: Pick<IamSettings, 'accessLogs' | 'waf' | 'tracing'>;
}

const rule = (id: string) => `AwsSolutions::AwsSolutions-${id}`;

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: rule(id), reason });
}

const logicalId = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

export function acknowledgeNagFindings(subjects: NagSubjects): void {
  const { stack, table, userPool, restApi, settings } = subjects;

  acknowledge(
    stack,
    'L1',
    'Functions run on Node.js 22 on purpose: the code is developed and tested on Node.js 20/22. The move to Node.js 24 is planned before Node.js 22 is deprecated on Lambda (2027-04-30).',
  );
  acknowledge(
    stack,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AWSLambdaBasicExecutionRole only allows writing the function’s own CloudWatch logs; a copy of it would say the same.',
  );
  acknowledge(
    stack,
    `IAM5[Resource::<${logicalId(table)}.Arn>/index/*]`,
    'Table grants include the table’s own global secondary indexes (gsi1, gsi2), which the listings query; nothing outside this table.',
  );
  if (settings.tracing)
    acknowledge(
      stack,
      'IAM5[Resource::*]',
      'Only X-Ray’s PutTraceSegments and PutTelemetryRecords, which support no resource-level permissions; a template test checks that no other statement uses Resource *.',
    );
  for (const consumer of subjects.streamConsumers)
    acknowledge(
      consumer,
      'IAM5[Resource::*]',
      'dynamodb:ListStreams, which the stream event source needs, supports no resource-level permissions; reading the stream itself is granted on this table’s stream only.',
    );
  acknowledge(
    stack,
    'COG4',
    'Protected methods use the Lambda REQUEST authorizer, which verifies the Cognito token itself (aws-jwt-verify) and loads the caller’s memberships from DynamoDB in the same step; a Cognito authorizer cannot do the second part. Public methods are acknowledged under APIG4.',
  );

  acknowledge(
    userPool,
    'COG2',
    'MFA stays optional pool-wide: sole traders may log in with a password. Groups that need it require it with security.mfaRequired, which the service enforces on every route.',
  );
  acknowledge(
    userPool,
    'COG8',
    'The Plus feature plan (threat protection) is charged per monthly active user. The service counts failed logins per account and per IP in DynamoDB and locks them out, and WAF rate-limits /auth/*. Switch to Plus with featurePlan when the bank wants compromised-credential checks.',
  );

  acknowledge(
    restApi,
    'APIG2',
    'Requests are validated by the same zod schemas in every handler, locally and on AWS, answering 400 in the service’s error shape with details; API Gateway’s validator would duplicate them in a second, weaker form.',
  );
  for (const method of restApi.methods) {
    const cfn = method.node.defaultChild as CfnMethod;
    if (cfn.authorizationType !== 'NONE') continue;
    acknowledge(
      method,
      'APIG4',
      `${method.httpMethod} ${method.resource.path} is public by design: login, sign-up, password reset, health, API docs and the hosted-login redirects are called before the caller has a token.`,
    );
  }
  const cloudWatchRole = restApi.node.tryFindChild('CloudWatchRole');
  if (cloudWatchRole)
    acknowledge(
      cloudWatchRole,
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'The account-wide role API Gateway writes access and execution logs with; AWS’s managed policy is the documented one for it.',
    );
  if (!settings.accessLogs) {
    const reason = 'Turned off by the deployer with -c accessLogs=false.';
    acknowledge(restApi, 'APIG1', reason);
    acknowledge(restApi, 'APIG6', reason);
  }
  if (!settings.waf) acknowledge(restApi, 'APIG3', 'Turned off by the deployer with -c waf=false.');

  for (const fn of subjects.customResourceFunctions)
    acknowledge(
      stack,
      `IAM5[Resource::<${logicalId(fn)}.Arn>:*]`,
      'A CDK custom-resource provider may invoke any version of its own onEvent function (the seed, the pool’s JWKS reader); only that function.',
    );
  if (subjects.alarmTopic)
    acknowledge(
      subjects.alarmTopic,
      'SNS2',
      'Alarm notifications carry alarm names and states, no customer data; CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key, and a customer managed key for this would cost more than it protects.',
    );
  for (const queue of subjects.deadLetterQueues)
    acknowledge(queue, 'SQS3', 'This queue is itself a dead-letter queue (an on-failure destination); it needs none of its own.');
}
