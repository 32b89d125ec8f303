/** The OpenAPI 3.1 document, generated from the route manifest: no route is described twice. */
import { safeParse } from 'zod/v4/core';
import { GROUP_CONTEXT_HEADER, LATEST_API_VERSION } from '../contract.ts';
import type { RouteDefinition } from '../routeDefinition.ts';
import { ROUTES } from '../routes.ts';
import { errorSchema } from '../schemas/common.ts';
import { RESPONSE_SCHEMAS } from '../schemas/responses.ts';
import { createSchemaCollector, type SchemaCollector } from './jsonSchemas.ts';
import type { MediaTypeObject, OpenApiDocument, OperationObject, ResponseObject } from './openApiObjects.ts';
import { operationParameters } from './parameters.ts';
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

export function buildOpenApiDocument(serverUrl?: string): OpenApiDocument {
  const schemas = createSchemaCollector();
  const documented = ROUTES.filter((route) => !route.hidden);
  const paths: OpenApiDocument['paths'] = {};
  for (const route of documented) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: toOperation(route, schemas) };
  }
  const tags = [...new Set(documented.map((route) => route.tag))];
  return {
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
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access or ID token from `POST /auth/login` or the hosted login page.',
        },
      },
      schemas: schemas.components(),
    },
    paths,
  };
}

function toOperation(route: RouteDefinition, schemas: SchemaCollector): OperationObject {
  const isPublic = route.access.kind === 'public';
  const body = route.request.body;
  // Responses first: the order schemas are first met in is the order of `components.schemas`.
  const responses = { [route.success.status]: successResponse(route, schemas), ...errorResponses(route, schemas) };
  return {
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
    parameters: operationParameters({ params: route.request.params, query: route.request.query, isPublic }, schemas),
    ...(body
      ? {
          requestBody: {
            required: !safeParse(body, undefined).success,
            content: { 'application/json': { schema: schemas.convert(body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

function successResponse(route: RouteDefinition, schemas: SchemaCollector): ResponseObject {
  const { description, headers, textBodies } = route.success;
  const schema = route.success.schema && RESPONSE_SCHEMAS[route.success.schema];
  const content: Record<string, MediaTypeObject> = {
    ...(schema ? { 'application/json': { schema: schemas.convert(schema, 'output') } } : {}),
    ...Object.fromEntries(
      Object.entries(textBodies ?? {}).map(([type, example]) => [type, { schema: { type: 'string' }, example }]),
    ),
  };
  return {
    description,
    ...(headers
      ? {
          headers: Object.fromEntries(
            Object.entries(headers).map(([name, about]) => [name, { description: about, schema: { type: 'string' } }]),
          ),
        }
      : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
}

function errorResponses(route: RouteDefinition, schemas: SchemaCollector): Record<string, ResponseObject> {
  return Object.fromEntries(
    Object.entries(routeErrors(route)).map(([status, description]) => [
      status,
      {
        description,
        ...(status === '429' ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: {
          'application/json': { schema: schemas.convert(errorSchema, 'output'), example: errorExample(Number(status), route) },
        },
      },
    ]),
  );
}

function whereActionApplies(at: 'context' | { pathParam: string } | { group: string }): string {
  if (at === 'context') return 'in the group in context';
  return 'group' in at ? `at ${at.group}` : 'at the group in the path';
}
