import * as routes from '../../shared/api/routes/tenantsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { tenantDependencies } from '../../shared/services/tenants/tenantDependencies.ts';
import { changePlan } from '../../shared/services/tenantService.ts';

export const handler = httpRoute(routes.updateTenant, async ({ params, body, caller, requestId }) => ({
  body: await changePlan(tenantDependencies(), { caller: caller!, requestId }, params.tenantId, body.plan),
}));
