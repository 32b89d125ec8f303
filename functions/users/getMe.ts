import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userReadDependencies } from '../../shared/services/users/userReadDependencies.ts';
import { getMe } from '../../shared/services/users/read.ts';

export const handler = httpRoute(routes.getMe, async ({ caller }) => ({ body: await getMe(userReadDependencies(), caller!) }));
