import { tenantsRoutes as routes } from '../../shared/api/routes/tenantsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { createTenant } from '../../shared/services/tenantService.ts';

export const handler = httpRoute(routes.createTenant, async ({ body, caller, requestId }) => ({
  body: await createTenant(userDependencies(), { caller: caller!, requestId }, body),
}));
