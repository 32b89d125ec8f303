import { rolesRoutes as routes } from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { listRoles } from '../../shared/services/roleService.ts';
import { storageDependencies } from '../../shared/services/dependencies.ts';

export const handler = httpRoute(routes.listRoles, async ({ caller }) => ({
  body: { roles: await listRoles(storageDependencies().table, caller!.groupContextId) },
}));
