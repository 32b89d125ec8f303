/** The OpenAPI 3.1 document, generated from the route manifest: no route is described twice. */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { GROUP_CONTEXT_HEADER, LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from '../contract.ts';
import type { RouteDefinition } from '../routeDefinition.ts';
import { ROUTES } from '../routes.ts';
import { errorSchema } from '../schemas/common.ts';
import { errorExample, routeErrors } from './routeErrors.ts';

/** Where the committed document points; the served one (`/swagger.json`) names the API that serves it. */
const LOCAL_SERVER = { url: 'http://127.0.0.1:3000', description: 'The local stack (`npm start`)' };

const TAG_DESCRIPTIONS: Record<string, string> = {
  Authentication: 'Log in, answer challenges, refresh, log out, reset passwords and enrol MFA.',
  Authorizations: 'Ask whether someone may do an action in a group, and list what they may do.',
  Groups: 'The group tree: a business and its units, with tags and inherited configuration.',
  Health: 'Liveness.',
  Roles: 'Custom roles a business defines for its subtree.',
  Tags: 'Tag values in use beneath a group.',
  Tenants: 'Businesses onboarded on a plan.',
  Users: 'Users and their memberships (a role at a group, inherited beneath it).',
  'Sign-up': 'A business signs itself up.',
};

const RETRY_AFTER = { description: 'Seconds to wait before trying again.', schema: { type: 'integer' as const, example: 60 } };

export function buildOpenApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito access or ID token from `POST /auth/login` or the hosted login page.',
  });
  const documented = ROUTES.filter((route) => !route.hidden);
  for (const route of documented) registry.registerPath(toOpenApiPath(route));
  const tags = [...new Set(documented.map((route) => route.tag))];
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'SME IAM API',
      version: LATEST_API_VERSION!,
      description:
        'Identity and access management for SME business banking: groups (a tree), users, memberships and login. ' +
        'Send `Accept-Version: 1.0.0`. Group ids and emails in paths are plain values (`/acme/finance`, `ann@acme.com`) ' +
        'that the client url-encodes as it encodes any path parameter. ' +
        `\`${GROUP_CONTEXT_HEADER}\` selects the group a call acts in (default: your default group).`,
    },
    servers: [serverUrl ? { url: serverUrl } : LOCAL_SERVER],
    tags: tags.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
  });
}

function toOpenApiPath(route: RouteDefinition): RouteConfig {
  const isPublic = route.access.kind === 'public';
  const headers = z.object({
    'accept-version': z
      .string()
      .optional()
      .meta({
        description: `API version; absent means the latest. Supported: ${SUPPORTED_API_VERSIONS.join(', ')}.`,
        example: LATEST_API_VERSION,
      }),
    ...(isPublic
      ? {}
      : {
          [GROUP_CONTEXT_HEADER]: z.string().optional().meta({
            description: 'Group to act in (a group id, plain or url-encoded); defaults to your default group.',
            example: '/acme',
          }),
        }),
  });

  const responses: RouteConfig['responses'] = {
    [route.success.status]: {
      description: route.success.description,
      ...(route.success.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(route.success.headers).map(([name, description]) => [
                name,
                { description, schema: { type: 'string' } },
              ]),
            ),
          }
        : {}),
      ...(route.success.schema ? { content: { 'application/json': { schema: route.success.schema } } } : {}),
      ...(route.success.textBodies
        ? {
            content: Object.fromEntries(
              Object.entries(route.success.textBodies).map(([type, example]) => [type, { schema: { type: 'string' }, example }]),
            ),
          }
        : {}),
    },
  };
  for (const [status, description] of Object.entries(routeErrors(route))) {
    responses[status] = {
      description,
      ...(status === '429' ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
      content: { 'application/json': { schema: errorSchema, example: errorExample(Number(status), route) } },
    };
  }
  const body = route.request.body;
  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    operationId: route.operationId,
    summary: route.summary,
    description:
      [
        route.description,
        route.access.kind === 'action'
          ? `Requires \`${route.access.action}\` ${whereActionApplies(route.access.at)}.`
          : undefined,
      ]
        .filter(Boolean)
        .join('\n\n') || `${route.summary}.`,
    tags: [route.tag],
    security: isPublic ? [] : [{ bearerAuth: [] }],
    request: {
      headers,
      ...(route.request.params ? { params: route.request.params as never } : {}),
      ...(route.request.query ? { query: route.request.query as never } : {}),
      ...(body
        ? { body: { required: !body.safeParse(undefined).success, content: { 'application/json': { schema: body } } } }
        : {}),
    },
    responses,
  };
}

function whereActionApplies(at: 'context' | { pathParam: string } | { group: string }): string {
  if (at === 'context') return 'in the group in context';
  return 'group' in at ? `at ${at.group}` : 'at the group in the path';
}
