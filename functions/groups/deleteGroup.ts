import { groupsRoutes as routes } from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { defaultTable } from '../../shared/store/client.ts';
import { deleteGroup } from '../../shared/services/groupService.ts';

export const handler = httpRoute(routes.deleteGroup, async ({ params, caller, requestId }) => {
  await deleteGroup({ table: defaultTable() }, { caller: caller!, requestId }, params.groupId);
  return {};
});
