import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { inviteUser } from '../../shared/services/users/invite.ts';

export const handler = httpRoute(routes.inviteUser, async ({ body, caller, requestId }) => ({
  body: await inviteUser(userDependencies(), { caller: caller!, requestId }, body),
}));
