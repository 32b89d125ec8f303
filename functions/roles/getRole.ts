import { rolesRoutes as routes } from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { getRole } from '../../shared/services/roleService.ts';
import { storageDependencies } from '../../shared/services/dependencies.ts';

export const handler = httpRoute(routes.getRole, async ({ params, caller }) => ({
  body: await getRole(storageDependencies().table, caller!.groupContextId, params.name),
}));
