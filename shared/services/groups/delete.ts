import { conflict, notFound } from '../../domain/errors.ts';
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { timestampOf } from '../clock.ts';
import type { GroupDependencies, Mutation } from './groupDirectory.ts';

/** Deletes a disabled group that has no sub-groups and no members. */
export async function deleteGroup(deps: GroupDependencies, { caller, requestId }: Mutation, id: string): Promise<void> {
  if (id === ROOT_GROUP_ID) throw conflict('The root group / cannot be deleted');
  const stored = await deps.groups.group(id);
  if (!stored) throw notFound(`Group ${id} not found`);
  if (stored.record.state !== 'disabled') throw conflict(`Group ${id} must be disabled before it is deleted`);
  if (stored.childCount > 0) throw conflict(`Group ${id} still has sub-groups`);
  if (stored.memberCount > 0) throw conflict(`Group ${id} still has members`);
  const deleted = await deps.groups.remove(stored.record, stored.version, {
    actor: caller.email,
    action: 'group.deleted',
    targetType: 'group',
    targetId: id,
    before: stored.record,
    at: timestampOf(deps),
    requestId,
  });
  if (!deleted) throw conflict(`Group ${id} changed while it was being deleted; try again`);
}
