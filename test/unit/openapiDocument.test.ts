import { readFileSync } from 'node:fs';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi/buildOpenApi.ts';
import { committedSwagger, renderSwagger } from '../../shared/api/openapi/swaggerFile.ts';
import { ROUTES } from '../../shared/api/routes.ts';

const DOCUMENTED = ROUTES.filter((route) => !route.hidden);

describe('OpenAPI document', () => {
  it('is committed as docs/swagger.json exactly as the manifest generates it (run `npm run docs` when this fails)', () => {
    expect(committedSwagger()).toBe(renderSwagger());
  });

  it('has its TypeScript types committed as docs/apiTypes.ts exactly as openapi-typescript generates them (run `npm run docs`)', async () => {
    const file = new URL('../../docs/apiTypes.ts', import.meta.url);
    const generated = `${COMMENT_HEADER}${astToString(await openapiTS(renderSwagger(), { silent: true }))}`;

    const expected = await prettier.format(generated, { ...(await prettier.resolveConfig(file)), filepath: file.pathname });

    expect(readFileSync(file, 'utf8')).toBe(expected);
  }, 60_000);

  it('documents every manifest route that is not hidden under its method and path, once', () => {
    const document = buildOpenApiDocument();

    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>).map(
        ([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`,
      ),
    );

    expect(operations.sort()).toEqual(DOCUMENTED.map((route) => `${route.method} ${route.path} ${route.operationId}`).sort());
  });

  it('requires the bearer token on every route that is not public', () => {
    const document = buildOpenApiDocument();

    for (const route of DOCUMENTED) {
      const operation = (document.paths?.[route.path] as Record<string, { security?: unknown[] }>)[route.method.toLowerCase()]!;
      expect(operation.security, route.operationId).toEqual(route.access.kind === 'public' ? [] : [{ bearerAuth: [] }]);
    }
  });

  it('leaves out the hidden routes (docs and login pages)', () => {
    const document = buildOpenApiDocument();

    for (const route of ROUTES.filter((candidate) => candidate.hidden)) {
      expect(document.paths?.[route.path], route.operationId).toBeUndefined();
    }
  });
});
