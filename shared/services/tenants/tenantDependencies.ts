/** The tenant use cases' dependencies in a function: the table's tenant and group directories and the users' invitation, built once per container. */
import { defaultTable } from '../../store/client.ts';
import { userDependencies } from '../users/userDependencies.ts';
import { groupDependencies } from '../groups/groupDependencies.ts';
import { inviteUser } from '../users/invite.ts';
import type { TenantDependencies } from './tenantDirectory.ts';
import { tableTenantDirectory } from './tableTenantDirectory.ts';

let dependencies: TenantDependencies | undefined;

export function tenantDependencies(): TenantDependencies {
  return (dependencies ??= {
    tenants: tableTenantDirectory(defaultTable()),
    groups: groupDependencies().groups,
    inviteOwner: async (mutation, email) => {
      await inviteUser(userDependencies(), mutation, { email, role: 'admin' });
    },
  });
}
