/** The OpenAPI 3 document, generated from the route manifest: no route is described twice. */
import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { GROUP_CONTEXT_HEADER, LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from '../contract.ts';
import type { RouteDefinition } from '../routeDefinition.ts';
import { ROUTES } from '../routes.ts';
import { errorSchema } from '../schemas/common.ts';

const COMMON_ERRORS: Record<number, string> = {
  400: 'The request is not valid: bad path, query, header or body',
  401: 'No token, or the token is not valid, expired or revoked',
  403: 'Your role where you act does not allow the action this route requires',
  404: 'Not found, or not visible to you',
  406: `Unsupported Accept-Version (supported: ${SUPPORTED_API_VERSIONS.join(', ')})`,
};

export function buildOpenApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito access or ID token from `POST /auth/login` or the hosted login page.',
  });
  for (const route of ROUTES) if (!route.hidden) registry.registerPath(toOpenApiPath(route));
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'SME IAM API',
      version: LATEST_API_VERSION!,
      description:
        'Identity and access management for SME business banking: groups (a tree), users, memberships and login. ' +
        'Send `Accept-Version: 1.0.0`. Group ids and emails in paths are url-encoded. ' +
        `\`${GROUP_CONTEXT_HEADER}\` selects the group a call acts in (default: your default group).`,
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}

function toOpenApiPath(route: RouteDefinition): RouteConfig {
  const isPublic = route.access.kind === 'public';
  const headers = z.object({
    'accept-version': z
      .string()
      .optional()
      .meta({ description: 'API version; absent means the latest.', example: LATEST_API_VERSION }),
    ...(isPublic
      ? {}
      : {
          [GROUP_CONTEXT_HEADER]: z
            .string()
            .optional()
            .meta({ description: 'Group to act in, url-encoded; defaults to your default group.', example: '%2Facme' }),
        }),
  });
  const errors: Record<number, string> = { 406: COMMON_ERRORS[406]! };
  if (route.request.params || route.request.query || route.request.body) errors[400] = COMMON_ERRORS[400]!;
  if (!isPublic) errors[401] = COMMON_ERRORS[401]!;
  if (route.access.kind === 'action') errors[403] = COMMON_ERRORS[403]!;
  if (route.request.params) errors[404] = COMMON_ERRORS[404]!;
  Object.assign(errors, route.errors);

  const responses: RouteConfig['responses'] = {
    [route.success.status]: {
      description: route.success.description,
      ...(route.success.schema ? { content: { 'application/json': { schema: route.success.schema } } } : {}),
    },
  };
  for (const [status, description] of Object.entries(errors)) {
    responses[status] = { description, content: { 'application/json': { schema: errorSchema } } };
  }
  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    operationId: route.operationId,
    summary: route.summary,
    description: [
      route.description,
      route.access.kind === 'action' ? `Requires \`${route.access.action}\` ${whereActionApplies(route.access.at)}.` : undefined,
    ]
      .filter(Boolean)
      .join('\n\n'),
    tags: [route.tag],
    security: isPublic ? [] : [{ bearerAuth: [] }],
    request: {
      headers,
      ...(route.request.params ? { params: route.request.params as never } : {}),
      ...(route.request.query ? { query: route.request.query as never } : {}),
      ...(route.request.body
        ? { body: { required: true, content: { 'application/json': { schema: route.request.body } } } }
        : {}),
    },
    responses,
  };
}

function whereActionApplies(at: 'context' | { pathParam: string } | { group: string }): string {
  if (at === 'context') return 'in the group in context';
  return 'group' in at ? `at ${at.group}` : 'at the group in the path';
}
