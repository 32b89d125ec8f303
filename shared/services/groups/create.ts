import type { Configuration } from '../../domain/configuration.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { childGroupId, MAX_GROUP_ID_LENGTH } from '../../domain/groupPath.ts';
import { compact, nonEmpty } from '../../domain/sparse.ts';
import type { Tags } from '../../domain/tags.ts';
import type { GroupRecord } from '../../store/storedRecords.ts';
import { timestampOf } from '../clock.ts';
import { assertMfaStaysRequired, assertPlanAllows } from './configurationChecks.ts';
import type { GroupDependencies, Mutation } from './groupDirectory.ts';
import { getGroupView, type GroupView } from './read.ts';

/** Creates `<context>/<lower-cased name>` and answers with it as `GET` shows it (effective configuration). */
export async function createGroup(
  deps: GroupDependencies,
  { caller, requestId }: Mutation,
  body: { name: string; description?: string; tags?: Tags; configuration?: Configuration },
): Promise<GroupView> {
  const parentId = caller.groupContextId;
  const id = childGroupId(parentId, body.name);
  if (id.length > MAX_GROUP_ID_LENGTH) throw invalid(`Group id ${id} is longer than ${MAX_GROUP_ID_LENGTH} characters`);
  await assertPlanAllows(deps.groups, id, body.configuration);
  if (body.configuration) await assertMfaStaysRequired(deps.groups, id, body.configuration);
  const at = timestampOf(deps);
  const record: GroupRecord = compact({
    id,
    name: body.name,
    description: body.description,
    state: 'active',
    tags: nonEmpty(body.tags),
    configuration: nonEmpty(body.configuration),
    createdBy: caller.email,
    createdAt: at,
  });
  const refusal = await deps.groups.insert(record, {
    actor: caller.email,
    action: 'group.created',
    targetType: 'group',
    targetId: id,
    after: record,
    at,
    requestId,
  });
  if (refusal === 'exists') throw conflict(`Group ${id} already exists`);
  if (refusal === 'parent-unavailable') {
    const parent = await deps.groups.group(parentId);
    throw parent
      ? conflict(`Group ${parentId} is disabled: it accepts no new sub-groups`)
      : notFound(`Group ${parentId} not found`);
  }
  return getGroupView(deps, id);
}
