import * as routes from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { changeRole } from '../../shared/services/roleService.ts';
import { roleDependencies } from '../../shared/services/roles/roleDependencies.ts';

export const handler = httpRoute(routes.updateRole, async ({ params, body, caller, requestId }) => ({
  body: await changeRole(roleDependencies(), { caller: caller!, requestId }, params.name, body),
}));
