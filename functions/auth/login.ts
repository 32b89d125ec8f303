import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { login } from '../../shared/services/authService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';

export const handler = httpRoute(routes.login, async ({ body, requestId, sourceIp, userAgent }) => ({
  body: await login(authDependencies(), body.email, body.password, requestId, { sourceIp, userAgent }),
}));
