import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { resetPassword } from '../../shared/services/authService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';

export const handler = httpRoute(routes.resetPassword, async ({ body, requestId }) => {
  await resetPassword(authDependencies(), body, requestId);
  return {};
});
