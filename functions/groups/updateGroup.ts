import * as routes from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { updateGroup } from '../../shared/services/groups/update.ts';
import { groupDependencies } from '../../shared/services/groups/groupDependencies.ts';

export const handler = httpRoute(routes.updateGroup, async ({ params, body, caller, requestId }) => ({
  body: await updateGroup(groupDependencies(), { caller: caller!, requestId }, params.groupId, body),
}));
