import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi/buildOpenApi.ts';
import { committedSwagger, renderSwagger } from '../../shared/api/openapi/swaggerFile.ts';
import { ROUTES } from '../../shared/api/routes.ts';

describe('OpenAPI document', () => {
  it('is committed as docs/swagger.json exactly as the manifest generates it (run `npm run docs` when this fails)', () => {
    expect(committedSwagger()).toBe(renderSwagger());
  });

  it('documents every manifest route under its method and path, once', () => {
    const document = buildOpenApiDocument();

    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
    );

    expect(operations.sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path} ${route.operationId}`).sort());
  });

  it('requires the bearer token on every route that is not public', () => {
    const document = buildOpenApiDocument();

    for (const route of ROUTES) {
      const operation = (document.paths?.[route.path] as Record<string, { security?: unknown[] }>)[route.method.toLowerCase()]!;
      expect(operation.security, route.operationId).toEqual(route.access.kind === 'public' ? [] : [{ bearerAuth: [] }]);
    }
  });
});
