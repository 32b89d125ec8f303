import * as routes from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { deleteRole } from '../../shared/services/roleService.ts';
import { roleDependencies } from '../../shared/services/roles/roleDependencies.ts';

export const handler = httpRoute(routes.deleteRole, async ({ params, caller, requestId }) => {
  await deleteRole(roleDependencies(), { caller: caller!, requestId }, params.name);
  return {};
});
