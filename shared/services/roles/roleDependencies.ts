/** The custom-role use cases' dependencies in a function: the table's role catalog and decision inputs, built once per container. */
import { defaultTable } from '../../store/client.ts';
import { tableDecisionInputs } from '../access/tableDecisionInputs.ts';
import type { RoleDependencies } from './roleCatalog.ts';
import { tableRoleCatalog } from './tableRoleCatalog.ts';

let dependencies: RoleDependencies | undefined;

export function roleDependencies(): RoleDependencies {
  return (dependencies ??= { roles: tableRoleCatalog(defaultTable()), decisionInputs: tableDecisionInputs(defaultTable) });
}
