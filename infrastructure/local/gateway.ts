/**
 * The local API gateway: serves the route manifest with the real handlers and the real
 * authorizer, with API Gateway's REST semantics (Lambda proxy events, a REQUEST authorizer
 * whose decision is cached per Authorization header, gateway error responses in our JSON shape).
 * Swagger UI and the login flow are manifest routes like any other, served by their handlers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayAuthorizerResult, APIGatewayProxyResult, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import type { RouteDefinition } from '../../shared/api/routeDefinition.ts';
import { ROUTES } from '../../shared/api/routes.ts';
import { errorBody } from '../../shared/http/errors.ts';
import { CORS_HEADERS } from '../../shared/http/headers.ts';
import { AuthorizerCache, type CachedDecision } from './authorizerCache.ts';
import { runAsFunction } from './commandRecorder.ts';
import { authorizerEvent, lambdaContext, proxyEvent, toIncomingRequest, type IncomingRequest } from './lambdaEvents.ts';
import { createRouteMatcher } from './routeMatcher.ts';

type ProxyHandler = (event: unknown, context: Context) => Promise<APIGatewayProxyResult>;
type AuthorizerHandler = (event: APIGatewayRequestAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

export interface GatewayOptions {
  port: number;
  /** The address to listen on: 127.0.0.1 by default; 0.0.0.0 inside a container, so the host can reach it. */
  host?: string;
  authorizerCacheSeconds: number;
  /** Extra local-only pages (login flow, outbox) mounted before the API routes. */
  extraPages?: (request: IncomingRequest) => Promise<LocalResponse | undefined>;
}

export interface LocalResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface RunningGateway {
  url: string;
  /** Uncached authorizer decisions so far: what caching saves is measurable. */
  authorizerInvocations(): number;
  clearAuthorizerCache(): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const handlers = await loadHandlers(ROUTES);
  const { handler: authorizer } = (await import('../../functions/authorizer.ts')) as { handler: AuthorizerHandler };
  const cache = new AuthorizerCache(options.authorizerCacheSeconds);
  const match = createRouteMatcher(ROUTES);
  let authorizerCalls = 0;
  const baseUrl = `http://127.0.0.1:${options.port}`;

  async function authorize(
    request: IncomingRequest,
    route: RouteDefinition,
    pathParameters: Record<string, string>,
  ): Promise<CachedDecision | LocalResponse> {
    const identity = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    // A missing identity source is refused by API Gateway itself; the authorizer never runs.
    if (!identity) return gatewayError(401, 'Unauthorized');
    const cached = cache.get(identity);
    const decision = cached ?? (await invokeAuthorizer(request, route, pathParameters));
    if ('statusCode' in decision) return decision;
    if (!cached) cache.set(identity, decision);
    return decision.allowed ? decision : gatewayError(403, 'User is not authorized to access this resource');
  }

  async function invokeAuthorizer(
    request: IncomingRequest,
    route: RouteDefinition,
    pathParameters: Record<string, string>,
  ): Promise<CachedDecision | LocalResponse> {
    authorizerCalls++;
    const event = authorizerEvent(request, route.path, pathParameters);
    try {
      const result = await runAsFunction('authorizer', () => authorizer(event));
      return {
        principalId: result.principalId,
        context: { ...(result.context ?? {}), principalId: result.principalId },
        allowed: policyAllows(result, event.methodArn),
      };
    } catch (error) {
      if ((error as Error).message === 'Unauthorized') return gatewayError(401, 'Unauthorized');
      console.error('authorizer failed', error);
      return gatewayError(500, 'Authorizer failed');
    }
  }

  async function handle(req: IncomingMessage): Promise<LocalResponse> {
    const body = await readBody(req);
    if (body === null) return gatewayError(413, 'Request body is larger than 1 MiB');
    const request = toIncomingRequest(req, body);
    if (request.method === 'OPTIONS') return { statusCode: 204, headers: { ...CORS_HEADERS }, body: '' };
    const page = await options.extraPages?.(request);
    if (page) return page;

    const found = match(request.method, request.path);
    if (found.kind === 'noRoute') return gatewayError(404, `No route for ${request.method} ${request.path}`);
    if (found.kind === 'wrongMethod') return gatewayError(405, `${request.method} is not allowed on ${request.path}`);
    const { route, pathParameters } = found;

    let authorizerContext: Record<string, unknown> | null = null;
    if (route.access.kind !== 'public') {
      const decision = await authorize(request, route, pathParameters);
      if ('statusCode' in decision) return decision;
      authorizerContext = decision.context;
    }
    const result = await runAsFunction(route.operationId, () =>
      handlers.get(route.operationId)!(
        proxyEvent(request, route.path, pathParameters, authorizerContext),
        lambdaContext(route.operationId, request.requestId),
      ),
    );
    return { statusCode: result.statusCode, headers: stringHeaders(result.headers), body: result.body ?? '' };
  }

  const server = createServer((req, res) => {
    handle(req)
      .catch((error: unknown) => {
        // Only reached when a handler throws past its own error middleware: always a bug.
        console.error('local gateway error', error);
        return gatewayError(502, 'Internal server error');
      })
      .then((response) => send(res, response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });

  return {
    url: baseUrl,
    authorizerInvocations: () => authorizerCalls,
    clearAuthorizerCache: () => cache.clear(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function loadHandlers(routes: readonly RouteDefinition[]): Promise<Map<string, ProxyHandler>> {
  const handlers = new Map<string, ProxyHandler>();
  for (const route of routes) {
    const entry = new URL(`../../functions/${route.handler}.ts`, import.meta.url).href;
    const module = (await import(/* @vite-ignore */ entry)) as { handler?: ProxyHandler };
    if (typeof module.handler !== 'function') throw new Error(`functions/${route.handler}.ts does not export a handler`);
    handlers.set(route.operationId, module.handler);
  }
  return handlers;
}

/** API Gateway's own error responses, shaped like the service's errors (CDK sets the same gateway responses). */
export function gatewayError(statusCode: number, message: string): LocalResponse {
  return {
    statusCode,
    headers: { ...CORS_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify(errorBody(statusCode, message)),
  };
}

function policyAllows(result: APIGatewayAuthorizerResult, arn: string): boolean {
  const statements = result.policyDocument.Statement as { Effect: string; Resource?: string | string[] }[];
  const matches = (statement: { Resource?: string | string[] }) =>
    [statement.Resource ?? []]
      .flat()
      .some((resource) => new RegExp(`^${resource.split('*').map(escapeRegExp).join('.*')}$`).test(arn));
  return !statements.some((s) => s.Effect === 'Deny' && matches(s)) && statements.some((s) => s.Effect === 'Allow' && matches(s));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function stringHeaders(headers: APIGatewayProxyResult['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}

function readBody(req: IncomingMessage): Promise<string | undefined | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : size === 0 ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: LocalResponse): void {
  res.writeHead(response.statusCode, response.headers);
  res.end(response.body);
}
