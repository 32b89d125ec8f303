import { DomainError } from '../../shared/domain/errors.ts';
import { errorResponseOf } from '../../shared/http/errors.ts';
/** Small fakes shared by the unit tests: API Gateway events, Lambda contexts, authorizer contexts. */
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuthorizerContext } from '../../shared/domain/caller.ts';
import type { TableRef } from '../../shared/store/client.ts';
import { encodeMemberships } from '../../shared/domain/membershipCodec.ts';

export const TABLE_NAME = 'iam-test';

/** A document client that never reaches a network: tests mock it with aws-sdk-client-mock. */
export function fakeTable(): TableRef {
  const client = new DynamoDBClient({ region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  return { doc: DynamoDBDocumentClient.from(client), tableName: TABLE_NAME };
}

/** An authorizer context as API Gateway hands it to a handler: a map of scalars. */
export function authorizerContext(overrides: Partial<AuthorizerContext> = {}): Record<string, unknown> {
  const context: AuthorizerContext = {
    email: 'ann@acme.com',
    memberships: encodeMemberships({ '/acme': 'admin' }),
    defaultGroup: '/acme',
    issuedAt: 1_800_000_000,
    mfa: false,
    tokenUse: 'access',
    sessionId: 'session-1',
    authTime: 1_800_000_000,
    ...overrides,
  };
  return { ...context };
}

export interface FakeEventOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | null;
  pathParameters?: Record<string, string> | null;
  queryStringParameters?: Record<string, string> | null;
  /** `null` leaves the authorizer out, as on a public route. */
  authorizer?: Record<string, unknown> | null;
}

export function fakeEvent(options: FakeEventOptions = {}): APIGatewayProxyEvent {
  const authorizer = options.authorizer === undefined ? { ...authorizerContext() } : options.authorizer;
  return {
    httpMethod: options.method ?? 'GET',
    path: options.path ?? '/things',
    resource: options.path ?? '/things',
    headers: { 'Accept-Version': '1.0.0', ...(options.headers ?? {}) },
    multiValueHeaders: {},
    body: options.body ?? null,
    isBase64Encoded: false,
    pathParameters: options.pathParameters ?? null,
    queryStringParameters: options.queryStringParameters ?? null,
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      authorizer,
      protocol: 'HTTP/1.1',
      httpMethod: options.method ?? 'GET',
      identity: { sourceIp: '203.0.113.7', userAgent: 'vitest' },
      path: `/prod${options.path ?? '/things'}`,
      stage: 'prod',
      requestId: 'request-1',
      requestTimeEpoch: 0,
      resourceId: 'res1',
      resourcePath: options.path ?? '/things',
    } as unknown as APIGatewayProxyEvent['requestContext'],
  };
}

export function fakeContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'unit-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:unit-test',
    memoryLimitInMB: '256',
    awsRequestId: 'aws-request-1',
    logGroupName: '/aws/lambda/unit-test',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** A thrown domain error as a client would see it: its kind, the status and body fields, and the headers. */
export interface ErrorSeen {
  kind: DomainError['kind'];
  statusCode: number;
  message: string;
  details?: unknown;
  headers: Record<string, string>;
}

/** How the HTTP layer answers `error`; fails the test when it is not a domain error (a 500). */
export function errorSeen(error: unknown): ErrorSeen {
  const response = errorResponseOf(error);
  if (!(error instanceof DomainError) || !response) throw new Error(`Not a domain error: ${String(error)}`);
  return {
    kind: error.kind,
    statusCode: response.statusCode,
    message: error.message,
    details: error.details,
    headers: response.headers,
  };
}

/** The domain error a synchronous call throws, as a client sees it (fails the test when it throws nothing). */
export function thrownBy(act: () => unknown): ErrorSeen {
  try {
    act();
  } catch (error) {
    return errorSeen(error);
  }
  throw new Error('Nothing was thrown');
}

/** The domain error a promise rejects with, as a client sees it (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<ErrorSeen> {
  try {
    await promise;
  } catch (error) {
    return errorSeen(error);
  }
  throw new Error('The promise resolved');
}
