import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { acceptInvitation } from '../../shared/services/users/accept.ts';

export const handler = httpRoute(routes.acceptInvitation, async ({ params, caller, requestId }) => ({
  body: await acceptInvitation(userDependencies(), { caller: caller!, requestId }, params.groupId),
}));
