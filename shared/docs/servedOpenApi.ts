import { buildOpenApiDocument } from '../api/openapi/buildOpenApi.ts';

let last: { serverUrl: string; json: string } | undefined;

/** The OpenAPI document pointed at this API, as JSON. A warm function serves one base URL, so one cached copy is enough. */
export function servedOpenApiJson(serverUrl: string): string {
  if (last?.serverUrl !== serverUrl) last = { serverUrl, json: JSON.stringify(buildOpenApiDocument(serverUrl)) };
  return last.json;
}
