import * as routes from '../../shared/api/routes/docsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { hostedLoginConfig } from '../../shared/login/hostedLoginConfig.ts';
import { finishLogin } from '../../shared/login/loginFlow.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';
import { openHostedLoginSession } from '../../shared/services/sessionOpening.ts';

export const handler = httpRoute(routes.finishLogin, async ({ baseUrl, query, headers, requestId, sourceIp, userAgent }) => {
  const { location, setCookie, accessToken } = await finishLogin(hostedLoginConfig(), baseUrl, query, headers.cookie);
  await openHostedLoginSession(authDependencies(), accessToken, { sourceIp, userAgent }, requestId);
  return { headers: { Location: location, 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' } };
});
