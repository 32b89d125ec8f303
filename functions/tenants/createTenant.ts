import * as routes from '../../shared/api/routes/tenantsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { tenantDependencies } from '../../shared/services/tenants/tenantDependencies.ts';
import { createTenant } from '../../shared/services/tenantService.ts';

export const handler = httpRoute(routes.createTenant, async ({ body, caller, requestId }) => ({
  body: await createTenant(tenantDependencies(), { caller: caller!, requestId }, body),
}));
