/**
 * The OpenAPI document pointed at this API: docs/swagger.json, which `npm run docs` generates from
 * the route manifest and a test holds equal to it, with `servers` naming the API that serves it.
 * On AWS the file is copied next to the function, so the function carries neither the generator
 * nor every route's schemas (about 60 KB and their construction at every cold start).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENAPI_BUNDLE_FILE } from '../api/swaggerUiAssets.ts';

export function openApiDocumentPath(taskRoot = process.env.LAMBDA_TASK_ROOT): string {
  const bundled = taskRoot ? join(taskRoot, OPENAPI_BUNDLE_FILE) : undefined;
  if (bundled && existsSync(bundled)) return bundled;
  return fileURLToPath(new URL('../../docs/swagger.json', import.meta.url));
}

let committed: Record<string, unknown> | undefined;
let last: { serverUrl: string; json: string } | undefined;

/** The document as JSON. A warm function serves one base URL, so one cached copy is enough. */
export function servedOpenApiJson(serverUrl: string, path = openApiDocumentPath()): string {
  if (last?.serverUrl !== serverUrl) {
    committed ??= JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    last = { serverUrl, json: JSON.stringify({ ...committed, servers: [{ url: serverUrl }] }) };
  }
  return last.json;
}
