/**
 * Wraps a route's business function in the middleware every route shares:
 * CORS, Accept-Version, JSON body parsing, zod validation of path/query/body,
 * the caller and group context, the route's access rule, the JSON error shape, and the one rule
 * that shows an actor the caller cannot see (`createdBy`, `updatedBy`) as a neutral value.
 * Handlers stay thin: they receive validated input and return a result: JSON, or raw text with its own Content-Type.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { $ZodType, output } from 'zod/v4/core';
import { changesSomething, type RouteDefinition } from '../api/routeDefinition.ts';
import { negotiateApiVersion } from './apiVersion.ts';
import { guardRoute } from '../services/access/routeGuard.ts';
import { accessDecisionInputs, membershipProbe } from '../services/access/accessDependencies.ts';
import { presentActors } from '../services/access/actorNames.ts';
import { apiBaseUrl } from './baseUrl.ts';
import type { Caller } from '../domain/caller.ts';
import { callerFromAuthorizer } from './caller.ts';
import { forbidden, invalid, unsupportedMediaType } from '../domain/errors.ts';
import { ACCESS_TOKEN_ONLY } from '../api/contract.ts';
import { errorBody, errorResponseOf } from './errors.ts';
import { CORS_HEADERS, lowerCaseHeaders, type HeaderMap } from './headers.ts';
import { parseRequestPart } from './validation.ts';
import { errorFields, log } from '../observability/logger.ts';
import { requestLogging } from '../observability/requestLogging.ts';
import { currentRequestOrigin } from '../observability/requestContext.ts';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller | undefined;
  headers: HeaderMap;
  requestId: string;
  sourceIp: string | undefined;
  userAgent: string | undefined;
  /** This API's base URL as the client sees it (scheme, host, stage or base path). */
  baseUrl: string;
}

interface ResultBase {
  statusCode?: number;
  headers?: Record<string, string>;
}

/** `body` is sent as JSON. */
export interface JsonResult extends ResultBase {
  body?: unknown;
  rawBody?: never;
}

/** `rawBody` is sent as is (a page, a script, a redirect's empty body) with its own Content-Type. */
export interface RawResult extends ResultBase {
  rawBody: string;
  contentType: string;
  body?: never;
}

export type RouteResult = JsonResult | RawResult;

interface ParsedEvent extends APIGatewayProxyEvent {
  routeInput?: RouteInput<unknown, unknown, unknown>;
}

export function httpRoute<P extends $ZodType, Q extends $ZodType, B extends $ZodType>(
  route: RouteDefinition<P, Q, B>,
  run: (input: RouteInput<output<P>, output<Q>, output<B>>) => Promise<RouteResult>,
) {
  const core = async (event: ParsedEvent): Promise<APIGatewayProxyResult> => {
    const result = await run(event.routeInput as never);
    const statusCode = result.statusCode ?? route.success.status;
    if (result.rawBody !== undefined) return rawResponse(statusCode, result.rawBody, result.contentType, result.headers);
    const caller = event.routeInput?.caller;
    const body = caller && result.body !== undefined ? await presentActors(membershipProbe(), caller, result.body) : result.body;
    return jsonResponse(statusCode, body, result.headers);
  };
  return middy<ParsedEvent, APIGatewayProxyResult, Error, Context>(core)
    .use(requestLogging(route))
    .use(errorResponses())
    .use(parseRoute(route));
}

function parseRoute(route: RouteDefinition): MiddlewareObj<ParsedEvent, APIGatewayProxyResult> {
  return {
    before: async ({ event, context }) => {
      const headers = lowerCaseHeaders(event.headers);
      negotiateApiVersion(headers['accept-version']);
      const caller = route.access.kind === 'public' ? undefined : callerFromAuthorizer(event.requestContext?.authorizer, headers);
      // ID tokens identify; only access tokens act. An ID token changes nothing, on any route.
      if (caller?.tokenUse === 'id' && changesSomething(route)) throw forbidden(ACCESS_TOKEN_ONLY);
      const input: RouteInput<unknown, unknown, unknown> = {
        params: parseRequestPart('path', route.request.params, event.pathParameters ?? {}),
        query: parseRequestPart('query', route.request.query, queryObject(event)),
        body: parseRequestPart('body', route.request.body, parseJsonBody(event, route.request.body && headers['content-type'])),
        caller,
        headers,
        requestId: event.requestContext?.requestId ?? context.awsRequestId,
        sourceIp: event.requestContext?.identity?.sourceIp,
        userAgent: headers['user-agent'],
        baseUrl: apiBaseUrl(event, headers),
      };
      // The audit events this request writes say where it happened.
      if (caller) currentRequestOrigin().groupContextId = caller.groupContextId;
      await guardRoute(accessDecisionInputs(), route.access, input);
      event.routeInput = input;
    },
  };
}

/** Repeated query parameters (`tags=a:1&tags=b:2`) arrive as arrays; single ones as strings. */
function queryObject(event: APIGatewayProxyEvent): Record<string, string | string[]> {
  // Built through a Map, so a parameter named `__proto__` stays an ordinary (ignored) parameter.
  const query = new Map<string, string | string[]>(Object.entries(event.queryStringParameters ?? {}) as [string, string][]);
  for (const [name, values] of Object.entries(event.multiValueQueryStringParameters ?? {})) {
    if (values && values.length > 1) query.set(name, values);
  }
  return Object.fromEntries(query);
}

/**
 * A body must be JSON: one sent as another media type to a route that takes a body is 415 (no
 * Content-Type at all is read as JSON). A route that takes none refuses any body with 400.
 */
function parseJsonBody(event: APIGatewayProxyEvent, contentType: string | undefined): unknown {
  if (event.body === null || event.body === undefined || event.body === '') return undefined;
  if (contentType !== undefined && !/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(contentType.trim())) {
    throw unsupportedMediaType('The request body must be JSON: send Content-Type: application/json');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('Request body is not valid JSON');
  }
}

function errorResponses(): MiddlewareObj<ParsedEvent, APIGatewayProxyResult> {
  return {
    onError: async (request) => {
      const error = request.error;
      const known = errorResponseOf(error);
      if (known) {
        request.response = jsonResponse(known.statusCode, known.body, known.headers);
        return;
      }
      log.error('Unhandled error', errorFields(error));
      request.response = jsonResponse(500, errorBody(500, 'Internal server error'));
    },
  };
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { ...CORS_HEADERS, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

export function rawResponse(
  statusCode: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return { statusCode, headers: { ...CORS_HEADERS, 'Content-Type': contentType, ...headers }, body };
}
