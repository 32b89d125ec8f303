import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { endUserSessions } from '../../shared/services/users/sessions.ts';

export const handler = httpRoute(routes.endUserSessions, async ({ params, caller, requestId }) => {
  await endUserSessions(userDependencies(), { caller: caller!, requestId }, params.email);
  return {};
});
