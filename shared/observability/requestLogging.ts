/**
 * The observability middleware of every route: one JSON line per request (request id as
 * correlation id, route, opaque caller id, status and outcome) and the request counters.
 * `.use()` it first, so its `before` runs before any other and its `after`/`onError` run last,
 * when the error middleware has already turned an error into a response.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { opaqueCallerId } from './callerId.ts';
import { log } from './logger.ts';
import { countMetric, METRIC } from './metrics.ts';
import { enterRequestContext, enterRequestOrigin } from './requestContext.ts';

export interface ObservedRoute {
  operationId: string;
  method: string;
  path: string;
}

export type RequestOutcome = 'success' | 'client_error' | 'denied' | 'server_error';

export function outcomeOf(statusCode: number): RequestOutcome {
  if (statusCode >= 500) return 'server_error';
  if (statusCode === 401 || statusCode === 403) return 'denied';
  if (statusCode >= 400) return 'client_error';
  return 'success';
}

type RouteRequest = Request<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>;

export function requestLogging(route: ObservedRoute): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context> {
  const started = new WeakMap<RouteRequest, number>();
  const finish = (request: RouteRequest) => {
    const statusCode = request.response?.statusCode ?? 500;
    const outcome = outcomeOf(statusCode);
    const durationMs = Date.now() - (started.get(request) ?? Date.now());
    const line = { statusCode, outcome, durationMs };
    if (outcome === 'server_error') log.error('request failed', line);
    else log.info('request finished', line);
    const operation = { operation: route.operationId };
    countMetric(METRIC.requests, operation);
    if (outcome === 'server_error') countMetric(METRIC.serverErrors, operation);
    if (statusCode === 403) countMetric(METRIC.accessDenied, operation);
  };
  return {
    // Synchronous on purpose: the context must be entered before the invocation's first await.
    before: (request) => {
      started.set(request, Date.now());
      const email: unknown = request.event.requestContext?.authorizer?.email;
      enterRequestContext({
        correlation_id: request.event.requestContext?.requestId ?? request.context.awsRequestId,
        route: `${route.method} ${route.path}`,
        ...(typeof email === 'string' && email !== '' ? { caller: opaqueCallerId(email) } : {}),
      });
      enterRequestOrigin({ sourceIp: request.event.requestContext?.identity?.sourceIp, userAgent: userAgentOf(request.event) });
    },
    after: finish,
    onError: finish,
  };
}

function userAgentOf(event: APIGatewayProxyEvent): string | undefined {
  const name = Object.keys(event.headers ?? {}).find((header) => header.toLowerCase() === 'user-agent');
  return name === undefined ? undefined : (event.headers[name] ?? undefined);
}
