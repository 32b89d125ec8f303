import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi/buildOpenApi.ts';
import { OPENAPI_BUNDLE_FILE } from '../../shared/api/swaggerUiAssets.ts';
import { openApiDocumentPath, servedOpenApiJson } from '../../shared/docs/servedOpenApi.ts';

const taskRoots: string[] = [];
afterEach(() => {
  for (const dir of taskRoots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the served OpenAPI document', () => {
  it('is the document the manifest generates, pointed at the API that serves it', () => {
    // Prepare
    const serverUrl = 'https://api.example.com/prod';

    // Act
    const served = JSON.parse(servedOpenApiJson(serverUrl)) as unknown;

    // Assess
    expect(served).toEqual(buildOpenApiDocument(serverUrl));
  });

  it('reads the copy next to the function when bundled, the committed docs/swagger.json otherwise', () => {
    const taskRoot = mkdtempSync(join(tmpdir(), 'sme-iam-openapi-'));
    taskRoots.push(taskRoot);
    writeFileSync(join(taskRoot, OPENAPI_BUNDLE_FILE), '{}');

    expect(openApiDocumentPath(taskRoot)).toBe(join(taskRoot, OPENAPI_BUNDLE_FILE));
    expect(openApiDocumentPath(undefined)).toMatch(/docs\/swagger\.json$/);
    expect(openApiDocumentPath(join(taskRoot, 'missing'))).toMatch(/docs\/swagger\.json$/);
  });
});
