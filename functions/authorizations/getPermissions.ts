import { authorizationsRoutes as routes } from '../../shared/api/routes/authorizationsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { effectivePermissions } from '../../shared/services/authorizationService.ts';
import { defaultTable } from '../../shared/store/client.ts';

export const handler = httpRoute(routes.getPermissions, async ({ params, query, caller }) => ({
  body: await effectivePermissions(defaultTable(), caller!, params.email, query.groupId ?? caller!.groupContextId),
}));
