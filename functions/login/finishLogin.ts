import { docsRoutes as routes } from '../../shared/api/routes/docsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { hostedLoginConfig } from '../../shared/login/hostedLoginConfig.ts';
import { finishLogin } from '../../shared/login/loginFlow.ts';

export const handler = httpRoute(routes.finishLogin, async ({ baseUrl, query, headers }) => {
  const { location, setCookie } = await finishLogin(hostedLoginConfig(), baseUrl, query, headers.cookie);
  return { headers: { Location: location, 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' } };
});
