import * as routes from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { listGroups } from '../../shared/services/groups/list.ts';
import { groupDependencies } from '../../shared/services/groups/groupDependencies.ts';

export const handler = httpRoute(routes.listGroups, async ({ query, caller }) => {
  const page = await listGroups(groupDependencies(), caller!.groupContextId, query);
  return {
    body: {
      groups: page.groups.map(({ configuration: _configuration, ...group }) => group),
      ...(page.nextToken ? { pagination: { lastEvaluatedToken: page.nextToken } } : {}),
    },
  };
});
