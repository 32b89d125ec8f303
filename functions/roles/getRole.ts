import { rolesRoutes as routes } from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { getRole } from '../../shared/services/roleService.ts';
import { defaultTable } from '../../shared/store/client.ts';

export const handler = httpRoute(routes.getRole, async ({ params, caller }) => ({
  body: await getRole(defaultTable(), caller!.groupContextId, params.name),
}));
