import { conflict } from '../../domain/errors.ts';
import type { UserDependencies } from './userDependencies.ts';

/**
 * For a change that removes `leaving` as an active admin of `/`: refuses it when no other active
 * admin remains, else returns the guard version the change commits with (see bumpRootAdminGuard),
 * so two admins removing each other cannot both succeed.
 */
export async function rootAdminGuardVersion(deps: Pick<UserDependencies, 'users'>, leaving: string): Promise<number> {
  const { guardVersion, admins } = await deps.users.otherRootAdmins(leaving);
  if (!admins.some((admin) => admin.state !== undefined && admin.state !== 'disabled'))
    throw conflict('This would leave / without an active admin');
  return guardVersion;
}
