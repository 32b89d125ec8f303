import * as routes from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { getGroupView } from '../../shared/services/groups/read.ts';
import { groupDependencies } from '../../shared/services/groups/groupDependencies.ts';

export const handler = httpRoute(routes.getGroup, async ({ params, query }) => ({
  body: await getGroupView(groupDependencies(), params.groupId, query.showConfigurationSource),
}));
