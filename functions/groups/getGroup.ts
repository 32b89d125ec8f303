import { groupsRoutes as routes } from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { defaultTable } from '../../shared/store/client.ts';
import { getGroupView } from '../../shared/services/groupService.ts';

export const handler = httpRoute(routes.getGroup, async ({ params, query }) => ({
  body: await getGroupView({ table: defaultTable() }, params.groupId, query.showConfigurationSource),
}));
