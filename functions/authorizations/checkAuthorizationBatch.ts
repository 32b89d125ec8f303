import * as routes from '../../shared/api/routes/authorizationsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { checkAll } from '../../shared/services/access/check.ts';
import { checkDependencies } from '../../shared/services/access/accessDependencies.ts';

export const handler = httpRoute(routes.checkAuthorizationBatch, async ({ body, caller }) => ({
  body: { results: await checkAll(checkDependencies(), caller!, body.checks) },
}));
