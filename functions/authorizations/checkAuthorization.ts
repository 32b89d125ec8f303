import { authorizationsRoutes as routes } from '../../shared/api/routes/authorizationsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { checkAll } from '../../shared/services/authorizationService.ts';
import { defaultTable } from '../../shared/store/client.ts';

export const handler = httpRoute(routes.checkAuthorization, async ({ body, caller }) => {
  const [decision] = await checkAll(defaultTable(), caller!, [body]);
  return { body: decision };
});
