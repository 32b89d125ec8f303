import { routes } from '../../shared/api/routes.ts';
import { notFound } from '../../shared/http/errors.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { defaultTable } from '../../shared/store/client.ts';
import { getGroup } from '../../shared/store/groupStore.ts';

export const handler = httpRoute(routes.getGroup, async ({ params }) => {
  const group = await getGroup(defaultTable(), params.groupId);
  if (!group) throw notFound(`Group ${params.groupId} not found`);
  return { body: group };
});
