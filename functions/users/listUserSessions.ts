import * as routes from '../../shared/api/routes/usersRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userReadDependencies } from '../../shared/services/users/userReadDependencies.ts';
import { listUserSessions } from '../../shared/services/users/sessions.ts';

export const handler = httpRoute(routes.listUserSessions, async ({ params, query, caller }) => {
  const page = await listUserSessions(userReadDependencies(), caller!, params.email, query);
  return { body: { sessions: page.sessions, ...(page.nextToken ? { pagination: { lastEvaluatedToken: page.nextToken } } : {}) } };
});
