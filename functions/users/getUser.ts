import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userReadDependencies } from '../../shared/services/users/userReadDependencies.ts';
import { getUserView } from '../../shared/services/users/read.ts';

export const handler = httpRoute(routes.getUser, async ({ params, caller }) => ({
  body: await getUserView(userReadDependencies(), caller!, params.email),
}));
