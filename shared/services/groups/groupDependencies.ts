/** The groups use cases' dependencies in a function: the table's group directory, built once per container. */
import { defaultTable } from '../../store/client.ts';
import type { GroupDependencies } from './groupDirectory.ts';
import { tableGroupDirectory } from './tableGroupDirectory.ts';

let dependencies: GroupDependencies | undefined;

export function groupDependencies(): GroupDependencies {
  return (dependencies ??= { groups: tableGroupDirectory(defaultTable()) });
}
