import * as routes from '../../shared/api/routes/docsRoutes.ts';
import { docsPageHtml } from '../../shared/docs/docsPage.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';

export const handler = httpRoute(routes.docsPage, async ({ baseUrl }) => ({
  rawBody: docsPageHtml(new URL(baseUrl).pathname.replace(/\/+$/, '')),
  contentType: 'text/html; charset=utf-8',
  headers: { 'Cache-Control': 'no-cache' },
}));
