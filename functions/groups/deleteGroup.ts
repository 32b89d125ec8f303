import * as routes from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { deleteGroup } from '../../shared/services/groups/delete.ts';
import { groupDependencies } from '../../shared/services/groups/groupDependencies.ts';

export const handler = httpRoute(routes.deleteGroup, async ({ params, caller, requestId }) => {
  await deleteGroup(groupDependencies(), { caller: caller!, requestId }, params.groupId);
  return {};
});
