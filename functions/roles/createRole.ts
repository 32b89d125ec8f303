import * as routes from '../../shared/api/routes/rolesRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { createRole } from '../../shared/services/roleService.ts';
import { roleDependencies } from '../../shared/services/roles/roleDependencies.ts';

export const handler = httpRoute(routes.createRole, async ({ body, caller, requestId }) => ({
  body: await createRole(roleDependencies(), { caller: caller!, requestId }, body),
}));
