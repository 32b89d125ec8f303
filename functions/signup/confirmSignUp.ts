import * as routes from '../../shared/api/routes/signupRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { signupDependencies } from '../../shared/services/signup/signupDependencies.ts';
import { confirmSignUp } from '../../shared/services/signupService.ts';

export const handler = httpRoute(routes.confirmSignUp, async ({ body }) => {
  await confirmSignUp(signupDependencies(), body);
  return {};
});
