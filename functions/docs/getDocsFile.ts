import * as routes from '../../shared/api/routes/docsRoutes.ts';
import { DOCS_INIT_JS } from '../../shared/docs/docsPage.ts';
import { readSwaggerUiFile } from '../../shared/docs/swaggerUiFiles.ts';
import { notFound } from '../../shared/domain/errors.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';

export const handler = httpRoute(routes.docsFile, async ({ params }) => {
  if (params.file === 'init.js')
    return { rawBody: DOCS_INIT_JS, contentType: 'text/javascript; charset=utf-8', headers: { 'Cache-Control': 'no-cache' } };
  const file = await readSwaggerUiFile(params.file);
  if (!file) throw notFound(`No docs file ${params.file}`);
  return { rawBody: file.body, contentType: file.contentType, headers: { 'Cache-Control': 'public, max-age=86400' } };
});
