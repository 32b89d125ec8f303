import { deepMerge, type Configuration } from '../../domain/configuration.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { compact, nonEmpty } from '../../domain/sparse.ts';
import { applyTagPatch } from '../../domain/tags.ts';
import { changesNothing } from '../../events/changedFields.ts';
import type { GroupRecord } from '../../store/storedRecords.ts';
import { timestampOf } from '../clock.ts';
import { withOptimisticRetry } from '../optimisticRetry.ts';
import { assertMfaStaysRequired, assertPlanAllows } from './configurationChecks.ts';
import type { GroupDependencies, Mutation } from './groupDirectory.ts';
import { getGroupView, type GroupView } from './read.ts';

export interface GroupChanges {
  name?: string;
  description?: string;
  state?: 'active' | 'disabled';
  tags?: Record<string, string | null>;
  configuration?: Configuration;
}

/** Applies the changes and answers with the group as `GET` shows it (effective configuration). */
export async function updateGroup(
  deps: GroupDependencies,
  { caller, requestId }: Mutation,
  id: string,
  changes: GroupChanges,
): Promise<GroupView> {
  if (id === ROOT_GROUP_ID && changes.state === 'disabled') throw conflict('The root group / cannot be disabled');
  await assertPlanAllows(deps.groups, id, changes.configuration);
  // Someone else may change the group after we read it: then read again and re-apply.
  await withOptimisticRetry(
    async () => {
      const stored = await deps.groups.group(id);
      if (!stored) throw notFound(`Group ${id} not found`);
      const before = stored.record;
      if (changes.name !== undefined && changes.name !== before.name) throw invalid('Groups cannot be renamed');
      const at = timestampOf(deps);
      const after: GroupRecord = compact({
        ...before,
        description: changes.description ?? before.description,
        state: changes.state ?? before.state,
        tags: changes.tags ? nonEmpty(applyTagPatch(before.tags ?? {}, changes.tags)) : before.tags,
        configuration: changes.configuration
          ? nonEmpty(deepMerge(before.configuration ?? {}, changes.configuration))
          : before.configuration,
        updatedBy: caller.email,
        updatedAt: at,
      });
      // Values the group already has change nothing: no write, no new updatedAt, no audit or change event.
      if (changesNothing(before, after)) return;
      if (changes.configuration) await assertMfaStaysRequired(deps.groups, id, after.configuration);
      await deps.groups.replace(before, after, stored.version, {
        actor: caller.email,
        action: 'group.updated',
        targetType: 'group',
        targetId: id,
        before,
        after,
        at,
        requestId,
      });
    },
    { exhausted: `Group ${id} is being changed by another request; try again` },
  );
  return getGroupView(deps, id);
}
