import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { updateUser } from '../../shared/services/users/update.ts';

export const handler = httpRoute(routes.updateUser, async ({ params, body, caller, requestId, sourceIp, userAgent }) => {
  await updateUser(userDependencies(), { caller: caller!, requestId, client: { sourceIp, userAgent } }, params.email, body);
  return {};
});
