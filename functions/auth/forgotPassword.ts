import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { forgotPassword } from '../../shared/services/authService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';

export const handler = httpRoute(routes.forgotPassword, async ({ body }) => {
  await forgotPassword(authDependencies(), body.email);
  return {};
});
