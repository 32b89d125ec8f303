/** The Swagger UI page and its init script. Asset and document URLs follow this API's base path (the stage on AWS). */

export function docsPageHtml(basePath: string): string {
  const base = escapeHtml(basePath);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>SME IAM API</title>
  <link rel="stylesheet" href="${base}/docs/swagger-ui.css">
  <style>.login-hint { font-family: sans-serif; margin: 12px 20px 0; }</style>
</head>
<body>
  <p class="login-hint"><a href="${base}/login">Log in</a> to try the API here, or paste a token under Authorize.</p>
  <div id="swagger-ui"></div>
  <script src="${base}/docs/swagger-ui-bundle.js"></script>
  <script src="${base}/docs/init.js"></script>
</body>
</html>
`;
}

// A token handed over in the fragment (`/docs#access_token=...`, by /login/callback) is applied to the Authorize button.
export const DOCS_INIT_JS = `const base = window.location.pathname.replace(/\\/docs\\/?$/, '');
window.ui = SwaggerUIBundle({
  url: base + '/swagger.json',
  dom_id: '#swagger-ui',
  persistAuthorization: true,
  // Only when the accept-version parameter is left empty: a second header of another case would be merged into "1.0.0, 1.0.0".
  requestInterceptor: (request) => {
    const named = Object.keys(request.headers).filter((name) => name.toLowerCase() === 'accept-version');
    if (!named.some((name) => request.headers[name])) { named.forEach((name) => delete request.headers[name]); request.headers['Accept-Version'] = '1.0.0'; }
    return request;
  },
  onComplete: () => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('access_token');
    if (token) { window.ui.preauthorizeApiKey('bearerAuth', token); history.replaceState(null, '', base + '/docs'); }
  },
});
`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
