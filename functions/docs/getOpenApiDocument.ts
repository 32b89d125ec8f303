import * as routes from '../../shared/api/routes/docsRoutes.ts';
import { servedOpenApiJson } from '../../shared/docs/servedOpenApi.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';

export const handler = httpRoute(routes.openApiDocument, async ({ baseUrl }) => ({
  rawBody: servedOpenApiJson(baseUrl),
  contentType: 'application/json',
  headers: { 'Cache-Control': 'no-cache' },
}));
