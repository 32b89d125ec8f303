import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { refresh } from '../../shared/services/authService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';

export const handler = httpRoute(routes.refresh, async ({ body }) => ({
  body: await refresh(authDependencies(), body.refreshToken),
}));
