import * as routes from '../../shared/api/routes/signupRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { signupDependencies } from '../../shared/services/signup/signupDependencies.ts';
import { signUp } from '../../shared/services/signupService.ts';

export const handler = httpRoute(routes.signUp, async ({ body, sourceIp }) => {
  await signUp(signupDependencies(), body, { sourceIp });
  return {};
});
