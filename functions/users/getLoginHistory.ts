import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userReadDependencies } from '../../shared/services/users/userReadDependencies.ts';
import { getLoginHistory } from '../../shared/services/users/sessions.ts';

export const handler = httpRoute(routes.getLoginHistory, async ({ params, query, caller }) => {
  const page = await getLoginHistory(userReadDependencies(), caller!, params.email, query);
  return { body: { logins: page.logins, ...(page.nextToken ? { pagination: { lastEvaluatedToken: page.nextToken } } : {}) } };
});
