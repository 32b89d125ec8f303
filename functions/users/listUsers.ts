import { usersRoutes as routes } from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { listUsers } from '../../shared/services/users/list.ts';

export const handler = httpRoute(routes.listUsers, async ({ query, caller }) => {
  const page = await listUsers(userDependencies(), caller!, query);
  return { body: { users: page.users, ...(page.nextToken ? { pagination: { lastEvaluatedToken: page.nextToken } } : {}) } };
});
