import { groupsRoutes as routes } from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { defaultTable } from '../../shared/store/client.ts';
import { createGroup } from '../../shared/services/groupService.ts';

export const handler = httpRoute(routes.createGroup, async ({ body, caller, requestId }) => {
  const group = await createGroup({ table: defaultTable() }, { caller: caller!, requestId }, body);
  return { body: group, headers: { 'x-groupid': group.id } };
});
