import * as routes from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { getRole } from '../../shared/services/roleService.ts';
import { roleDependencies } from '../../shared/services/roles/roleDependencies.ts';

export const handler = httpRoute(routes.getRole, async ({ params, caller }) => ({
  body: await getRole(roleDependencies(), caller!.groupContextId, params.name),
}));
