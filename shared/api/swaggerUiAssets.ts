/**
 * The swagger-ui-dist files the docs serve: an allow-list, never arbitrary paths. On AWS they are
 * copied into the docs function's bundle under `SWAGGER_UI_BUNDLE_DIR`; locally they are read from node_modules.
 */
export const SWAGGER_UI_BUNDLE_DIR = 'swagger-ui';

export const SWAGGER_UI_FILES: Readonly<Record<string, string>> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'oauth2-redirect.html': 'text/html; charset=utf-8',
  // oauth2-redirect.html loads it.
  'oauth2-redirect.js': 'text/javascript; charset=utf-8',
};

/** For the route manifest: bundle-relative target -> repository-relative source. */
export const SWAGGER_UI_BUNDLE_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(SWAGGER_UI_FILES).map((file) => [`${SWAGGER_UI_BUNDLE_DIR}/${file}`, `node_modules/swagger-ui-dist/${file}`]),
);

/** The OpenAPI document's place in its function's bundle, copied there from docs/swagger.json (see docs/servedOpenApi.ts). */
export const OPENAPI_BUNDLE_FILE = 'swagger.json';

/** The committed OpenAPI document, copied into its function's bundle. */
export const OPENAPI_BUNDLE_FILES = { [OPENAPI_BUNDLE_FILE]: 'docs/swagger.json' };
