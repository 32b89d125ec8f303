import { effectiveConfiguration, type Configuration } from '../../domain/configuration.ts';
import { notFound } from '../../domain/errors.ts';
import { selfAndAncestors } from '../../domain/groupPath.ts';
import type { GroupRecord } from '../../store/storedRecords.ts';
import type { GroupDependencies } from './groupDirectory.ts';

export interface GroupView extends GroupRecord {
  configurationSource?: Record<string, Configuration>;
}

/** The group with its effective configuration: one batched read gets it and all its ancestors. */
export async function getGroupView(deps: GroupDependencies, id: string, showConfigurationSource = false): Promise<GroupView> {
  const chain = selfAndAncestors(id).reverse();
  const groups = await deps.groups.groups(chain);
  const group = groups.get(id);
  if (!group) throw notFound(`Group ${id} not found`);
  const layers = chain.map((groupId) => groups.get(groupId)?.configuration);
  const { createdBy, createdAt, updatedBy, updatedAt, ...identity } = group;
  return {
    ...identity,
    configuration: effectiveConfiguration(layers),
    ...(showConfigurationSource
      ? { configurationSource: Object.fromEntries(chain.flatMap((groupId, i) => (layers[i] ? [[groupId, layers[i]]] : []))) }
      : {}),
    createdBy,
    createdAt,
    ...(updatedBy ? { updatedBy, updatedAt } : {}),
  };
}
