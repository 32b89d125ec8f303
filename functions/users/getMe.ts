import { usersRoutes as routes } from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { getMe } from '../../shared/services/users/read.ts';

export const handler = httpRoute(routes.getMe, async ({ caller }) => ({ body: await getMe(userDependencies(), caller!) }));
