import * as routes from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { createGroup } from '../../shared/services/groups/create.ts';
import { groupDependencies } from '../../shared/services/groups/groupDependencies.ts';

export const handler = httpRoute(routes.createGroup, async ({ body, caller, requestId }) => {
  const group = await createGroup(groupDependencies(), { caller: caller!, requestId }, body);
  return { body: group, headers: { 'x-groupid': group.id } };
});
