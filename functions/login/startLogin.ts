import * as routes from '../../shared/api/routes/docsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { hostedLoginConfig } from '../../shared/login/hostedLoginConfig.ts';
import { startLogin } from '../../shared/login/loginFlow.ts';

export const handler = httpRoute(routes.startLogin, async ({ baseUrl }) => {
  const { location, setCookie } = startLogin(hostedLoginConfig(), baseUrl);
  return { headers: { Location: location, 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' } };
});
