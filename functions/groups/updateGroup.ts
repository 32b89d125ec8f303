import { groupsRoutes as routes } from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { defaultTable } from '../../shared/store/client.ts';
import { updateGroup } from '../../shared/services/groupService.ts';

export const handler = httpRoute(routes.updateGroup, async ({ params, body, caller, requestId }) => ({
  body: await updateGroup({ table: defaultTable() }, { caller: caller!, requestId }, params.groupId, body),
}));
