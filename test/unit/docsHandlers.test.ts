import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handler as getDocsFile } from '../../functions/docs/getDocsFile.ts';
import { handler as getDocsPage } from '../../functions/docs/getDocsPage.ts';
import { handler as getOpenApiDocument } from '../../functions/docs/getOpenApiDocument.ts';
import { ROUTES } from '../../shared/api/routes.ts';
import { SWAGGER_UI_BUNDLE_DIR, SWAGGER_UI_FILES } from '../../shared/api/swaggerUiAssets.ts';
import { readSwaggerUiFile, swaggerUiDirectory } from '../../shared/docs/swaggerUiFiles.ts';
import { fakeContext, fakeEvent } from './helpers.ts';

const DOMAIN = 'abc123.execute-api.eu-west-2.amazonaws.com';

/** A public GET as API Gateway sends it on the execute-api domain, stage `prod`. */
function awsEvent(resource: string, pathParameters: Record<string, string> | null = null) {
  const path = resource.replace(/\{(\w+)\}/g, (_, name: string) => pathParameters![name]!);
  const event = fakeEvent({ path, pathParameters, authorizer: null, headers: { 'X-Forwarded-Proto': 'https' } });
  return { ...event, resource, requestContext: { ...event.requestContext, domainName: DOMAIN, path: `/prod${path}` } };
}

const fileEvent = (file: string) => awsEvent('/docs/{file}', { file });

describe('docs handlers', () => {
  const taskRoot = mkdtempSync(join(tmpdir(), 'sme-iam-task-'));
  afterAll(() => rmSync(taskRoot, { recursive: true, force: true }));

  it('serves Swagger UI with assets and the login link under the stage', async () => {
    const response = await getDocsPage(awsEvent('/docs'), fakeContext());

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<script src="/prod/docs/swagger-ui-bundle.js"></script>');
    expect(response.body).toContain('href="/prod/docs/swagger-ui.css"');
    expect(response.body).toContain('href="/prod/login"');
  });

  it('serves every allow-listed swagger-ui file with its content type', async () => {
    for (const [file, contentType] of Object.entries(SWAGGER_UI_FILES)) {
      const response = await getDocsFile(fileEvent(file), fakeContext());

      expect(response.statusCode, file).toBe(200);
      expect(response.headers?.['Content-Type']).toBe(contentType);
      expect(response.body.length).toBeGreaterThan(50);
    }
  });

  it('serves the init script, which applies a token from the fragment and sends Accept-Version', async () => {
    const response = await getDocsFile(fileEvent('init.js'), fakeContext());

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['Content-Type']).toMatch(/^text\/javascript/);
    expect(response.body).toContain("get('access_token')");
    expect(response.body).toContain("'Accept-Version'");
  });

  it('answers 404 for any file off the allow-list, paths included', async () => {
    for (const file of [
      'package.json',
      'index.html',
      '..%2Fpackage.json',
      '../package.json',
      'swagger-ui.js.map',
      'constructor',
      '__proto__',
    ]) {
      const response = await getDocsFile(fileEvent(file), fakeContext());

      expect(response.statusCode, file).toBe(404);
    }
  });

  it('serves the OpenAPI document pointed at this API, without the hidden routes', async () => {
    const response = await getOpenApiDocument(awsEvent('/swagger.json'), fakeContext());
    const document = JSON.parse(response.body) as { servers: { url: string }[]; paths: Record<string, unknown> };

    expect(response.headers?.['Content-Type']).toBe('application/json');
    expect(document.servers).toEqual([{ url: `https://${DOMAIN}/prod` }]);
    expect(Object.keys(document.paths)).toContain('/groups/{groupId}');
    for (const route of ROUTES.filter((candidate) => candidate.hidden)) expect(document.paths[route.path]).toBeUndefined();
  });

  it('reads the files next to the function when bundled, from node_modules otherwise', async () => {
    // Prepare
    mkdirSync(join(taskRoot, SWAGGER_UI_BUNDLE_DIR));
    writeFileSync(join(taskRoot, SWAGGER_UI_BUNDLE_DIR, 'swagger-ui.css'), 'body { color: red }');

    // Act
    const bundled = swaggerUiDirectory(taskRoot);

    // Assess
    expect(bundled).toBe(join(taskRoot, SWAGGER_UI_BUNDLE_DIR));
    expect((await readSwaggerUiFile('swagger-ui.css', bundled))?.body).toBe('body { color: red }');
    expect(swaggerUiDirectory(undefined)).toMatch(/node_modules\/swagger-ui-dist$/);
    expect(swaggerUiDirectory(join(taskRoot, 'missing'))).toMatch(/node_modules\/swagger-ui-dist$/);
  });
});
