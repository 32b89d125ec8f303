/**
 * Swagger UI at /docs (local stack only), with the OpenAPI document generated from the
 * route manifest and pointed at this server. The Authorize button takes a bearer token.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { buildOpenApiDocument } from '../../shared/api/openapi/buildOpenApi.ts';
import type { LocalResponse } from './gateway.ts';
import type { IncomingRequest } from './lambdaEvents.ts';

const require = createRequire(import.meta.url);
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.html': 'text/html; charset=utf-8' };

const indexHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>SME IAM API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`;

// A token handed over by the local login flow (#access_token=...) is applied to the Authorize button.
const initJs = `window.ui = SwaggerUIBundle({
  url: '/swagger.json',
  dom_id: '#swagger-ui',
  persistAuthorization: true,
  requestInterceptor: (request) => { request.headers['Accept-Version'] = request.headers['Accept-Version'] || '1.0.0'; return request; },
  onComplete: () => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('access_token');
    if (token) { window.ui.preauthorizeApiKey('bearerAuth', token); history.replaceState(null, '', '/docs'); }
  },
});`;

export async function docsResponse(request: IncomingRequest, baseUrl: string): Promise<LocalResponse | undefined> {
  if (request.method !== 'GET') return undefined;
  if (request.path === '/swagger.json') {
    return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildOpenApiDocument(baseUrl)) };
  }
  if (request.path === '/docs' || request.path === '/docs/') return { statusCode: 200, headers: { 'Content-Type': CONTENT_TYPES['.html']! }, body: indexHtml };
  if (request.path === '/docs/init.js') return { statusCode: 200, headers: { 'Content-Type': CONTENT_TYPES['.js']! }, body: initJs };
  if (request.path.startsWith('/docs/')) {
    const file = normalize(request.path.slice('/docs/'.length));
    if (file.startsWith('..') || file.includes('/')) return undefined;
    try {
      const body = await readFile(join(SWAGGER_UI_DIR, file));
      return { statusCode: 200, headers: { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }, body };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
