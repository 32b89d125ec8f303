import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { logout } from '../../shared/services/authService.ts';
import { bearerToken } from '../../shared/services/authorizerService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';
import { readEnvironment } from '../../shared/config/environment.ts';

export const handler = httpRoute(routes.logout, async ({ body, caller, headers, requestId }) => {
  const clientIds = (readEnvironment('clientIds') ?? '').split(',').filter(Boolean);
  await logout(authDependencies(), caller!, bearerToken(headers) ?? '', body?.refreshToken, requestId, clientIds);
  return {};
});
