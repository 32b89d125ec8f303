/**
 * Builds the events API Gateway (REST, Lambda proxy integration) sends, so the local
 * gateway runs handlers and the authorizer with exactly the inputs they get on AWS.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';

export const LOCAL_API_ARN = 'arn:aws:execute-api:local:000000000000:local';
export const LOCAL_STAGE = 'local';

export interface IncomingRequest {
  method: string;
  /** Raw path, still url-encoded. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  body: string | undefined;
  sourceIp: string;
  requestId: string;
  /** The host the client called, as API Gateway's `requestContext.domainName`. */
  domainName: string;
}

export function toIncomingRequest(req: IncomingMessage, body: string | undefined): IncomingRequest {
  const url = new URL(req.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const value = req.rawHeaders[i + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
    (multiValueHeaders[name] ??= []).push(value);
  }
  // API Gateway tells handlers the client's scheme this way; the local gateway speaks plain http.
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'x-forwarded-proto')) {
    headers['X-Forwarded-Proto'] = 'http';
    multiValueHeaders['X-Forwarded-Proto'] = ['http'];
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers,
    multiValueHeaders,
    body,
    sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    requestId: randomUUID(),
    domainName: req.headers.host ?? `127.0.0.1:${req.socket.localPort}`,
  };
}

export function methodArn(request: IncomingRequest): string {
  return `${LOCAL_API_ARN}/${LOCAL_STAGE}/${request.method}${request.path}`;
}

export function authorizerEvent(
  request: IncomingRequest,
  resource: string,
  pathParameters: Record<string, string>,
): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: methodArn(request),
    resource,
    path: request.path,
    httpMethod: request.method,
    headers: request.headers,
    multiValueHeaders: request.multiValueHeaders,
    pathParameters,
    queryStringParameters: singleValues(request.query),
    multiValueQueryStringParameters: multiValues(request.query),
    stageVariables: null,
    requestContext: requestContext(request, resource, null) as never,
  };
}

export function proxyEvent(
  request: IncomingRequest,
  resource: string,
  pathParameters: Record<string, string>,
  authorizer: Record<string, unknown> | null,
): APIGatewayProxyEvent {
  return {
    resource,
    path: request.path,
    httpMethod: request.method,
    headers: request.headers,
    multiValueHeaders: request.multiValueHeaders,
    queryStringParameters: singleValues(request.query),
    multiValueQueryStringParameters: multiValues(request.query),
    pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
    stageVariables: null,
    body: request.body ?? null,
    isBase64Encoded: false,
    requestContext: requestContext(request, resource, authorizer),
  };
}

export function lambdaContext(functionName: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function requestContext(
  request: IncomingRequest,
  resource: string,
  authorizer: Record<string, unknown> | null,
): APIGatewayProxyEvent['requestContext'] {
  const userAgent = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? null;
  return {
    accountId: '000000000000',
    apiId: 'local',
    authorizer,
    protocol: 'HTTP/1.1',
    httpMethod: request.method,
    // The local gateway serves the API at its root, as a custom domain with an empty base path does: no stage in the path.
    path: request.path,
    stage: LOCAL_STAGE,
    domainName: request.domainName,
    requestId: request.requestId,
    requestTimeEpoch: Date.now(),
    resourceId: resource,
    resourcePath: resource,
    identity: {
      sourceIp: request.sourceIp,
      userAgent,
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      user: null,
      userArn: null,
    },
  };
}

function singleValues(query: URLSearchParams): Record<string, string> | null {
  // Built through a Map: a parameter may be named `__proto__` or `toString`.
  const values = new Map<string, string>();
  for (const [name, value] of query) values.set(name, value);
  return values.size ? Object.fromEntries(values) : null;
}

function multiValues(query: URLSearchParams): Record<string, string[]> | null {
  const values = new Map<string, string[]>();
  for (const [name, value] of query) values.set(name, [...(values.get(name) ?? []), value]);
  return values.size ? Object.fromEntries(values) : null;
}
