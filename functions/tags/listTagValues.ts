import * as routes from '../../shared/api/routes/groupsRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { defaultTable } from '../../shared/store/client.ts';
import { listTagValues, tableTagValueIndex } from '../../shared/services/tagService.ts';

export const handler = httpRoute(routes.listTagValues, async ({ params, query, caller }) => {
  const page = await listTagValues(tableTagValueIndex(defaultTable()), caller!.groupContextId, { key: params.key, ...query });
  return {
    body: {
      values: page.values,
      ...(page.lastValue !== undefined ? { pagination: { lastEvaluatedValue: page.lastValue } } : {}),
    },
  };
});
