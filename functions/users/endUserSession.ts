import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userReadDependencies } from '../../shared/services/users/userReadDependencies.ts';
import { endUserSession } from '../../shared/services/users/sessions.ts';

export const handler = httpRoute(routes.endUserSession, async ({ params, caller, requestId }) => {
  await endUserSession(userReadDependencies(), { caller: caller!, requestId }, params.email, params.sessionId);
  return {};
});
