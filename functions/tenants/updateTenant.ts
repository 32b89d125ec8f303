import { tenantsRoutes as routes } from '../../shared/api/routes/tenantsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { userDependencies } from '../../shared/services/users/userDependencies.ts';
import { changePlan } from '../../shared/services/tenantService.ts';

export const handler = httpRoute(routes.updateTenant, async ({ params, body, caller, requestId }) => ({
  body: await changePlan(userDependencies(), { caller: caller!, requestId }, params.tenantId, body.plan),
}));
