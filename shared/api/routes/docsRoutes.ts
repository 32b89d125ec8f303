/**
 * Route manifest entries: pages for people, served the same way locally and on AWS. Swagger UI,
 * the OpenAPI document pointed at this API, and the hosted login flow that lands on Swagger UI
 * authorized. Public and hidden from the OpenAPI document.
 */
import * as z from 'zod/mini';
import { OPENAPI_BUNDLE_FILES, SWAGGER_UI_BUNDLE_FILES } from '../swaggerUiAssets.ts';
import { loginCallbackQuery } from '../loginSchemas.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';
import { defineSchema } from '../schemas/meta.ts';

const docsFileParams = /* @__PURE__ */ defineSchema(() => z.object({ file: z.string().check(z.minLength(1), z.maxLength(64)) }));

export const docsPage = /* @__PURE__ */ defineRoute({
  access: { kind: 'public' },
  hidden: true,
  operationId: 'getDocsPage',
  method: 'GET',
  path: '/docs',
  handler: 'docs/getDocsPage',
  summary: 'Swagger UI',
  tag: 'Docs',
  request: {},
  success: { status: 200, description: 'The Swagger UI page' },
});

export const docsFile = /* @__PURE__ */ defineRoute({
  access: { kind: 'public' },
  hidden: true,
  operationId: 'getDocsFile',
  method: 'GET',
  path: '/docs/{file}',
  handler: 'docs/getDocsFile',
  summary: 'A Swagger UI file (an allow-list)',
  tag: 'Docs',
  request: { params: docsFileParams },
  success: { status: 200, description: 'The file' },
  errors: { 404: 'Not one of the files Swagger UI needs' },
  bundleFiles: SWAGGER_UI_BUNDLE_FILES,
});

export const openApiDocument = /* @__PURE__ */ defineRoute({
  access: { kind: 'public' },
  hidden: true,
  operationId: 'getOpenApiDocument',
  method: 'GET',
  path: '/swagger.json',
  handler: 'docs/getOpenApiDocument',
  summary: 'The OpenAPI document, pointed at this API',
  tag: 'Docs',
  request: {},
  success: { status: 200, description: 'The OpenAPI 3 document' },
  bundleFiles: OPENAPI_BUNDLE_FILES,
});

export const startLogin = /* @__PURE__ */ defineRoute({
  access: { kind: 'public' },
  hidden: true,
  operationId: 'startHostedLogin',
  method: 'GET',
  path: '/login',
  handler: 'login/startLogin',
  summary: 'Start the hosted login (authorization code + PKCE)',
  tag: 'Login',
  request: {},
  success: { status: 302, description: 'To the login page' },
});

export const finishLogin = /* @__PURE__ */ defineRoute({
  access: { kind: 'public' },
  hidden: true,
  operationId: 'finishHostedLogin',
  method: 'GET',
  path: '/login/callback',
  handler: 'login/finishLogin',
  summary: 'Finish the hosted login and land on Swagger UI authorized',
  tag: 'Login',
  request: { query: loginCallbackQuery },
  success: { status: 302, description: 'To /docs with the access token in the fragment' },
  errors: { 400: 'No login in progress, a state mismatch, or a refused code' },
});

export const docsRoutes = {
  docsPage,
  docsFile,
  openApiDocument,
  startLogin,
  finishLogin,
} satisfies Record<string, RouteDefinition>;
