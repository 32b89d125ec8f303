import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { revokeUser } from '../../shared/services/users/revoke.ts';

export const handler = httpRoute(routes.revokeUser, async ({ params, query, caller, requestId }) => {
  await revokeUser(userDependencies(), { caller: caller!, requestId }, params.email, query);
  return {};
});
