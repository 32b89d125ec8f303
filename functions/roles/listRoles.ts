import * as routes from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { listRoles } from '../../shared/services/roleService.ts';
import { roleDependencies } from '../../shared/services/roles/roleDependencies.ts';

export const handler = httpRoute(routes.listRoles, async ({ caller }) => ({
  body: { roles: await listRoles(roleDependencies(), caller!.groupContextId) },
}));
