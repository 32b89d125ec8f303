import * as routes from '../../shared/api/routes/authorizationsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { effectivePermissions } from '../../shared/services/access/check.ts';
import { checkDependencies } from '../../shared/services/access/accessDependencies.ts';

export const handler = httpRoute(routes.getPermissions, async ({ params, query, caller }) => ({
  body: await effectivePermissions(checkDependencies(), caller!, params.email, query.groupId ?? caller!.groupContextId),
}));
