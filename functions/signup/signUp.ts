import { signupRoutes as routes } from '../../shared/api/routes/signupRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';
import { signUp } from '../../shared/services/signupService.ts';

export const handler = httpRoute(routes.signUp, async ({ body, sourceIp }) => {
  await signUp(authDependencies(), body, { sourceIp });
  return {};
});
