import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userReadDependencies } from '../../shared/services/users/userReadDependencies.ts';
import { listUsers } from '../../shared/services/users/list.ts';

export const handler = httpRoute(routes.listUsers, async ({ query, caller }) => {
  const page = await listUsers(userReadDependencies(), caller!, query);
  return { body: { users: page.users, ...(page.nextToken ? { pagination: { lastEvaluatedToken: page.nextToken } } : {}) } };
});
