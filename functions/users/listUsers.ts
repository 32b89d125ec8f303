import { usersRoutes as routes } from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { tableDependencies } from '../../shared/services/tableDependencies.ts';
import { listUsers } from '../../shared/services/users/list.ts';

export const handler = httpRoute(routes.listUsers, async ({ query, caller }) => {
  const page = await listUsers(tableDependencies(), caller!, query);
  return { body: { users: page.users, ...(page.nextToken ? { pagination: { lastEvaluatedToken: page.nextToken } } : {}) } };
});
