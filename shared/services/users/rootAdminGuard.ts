import { conflict } from '../../domain/errors.ts';
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import type { TransactItem } from '../../store/transactions.ts';
import { bumpRootAdminGuard, getUser, queryGroupMemberEmails, readRootAdminGuard } from '../../store/userStore.ts';
import type { UserDependencies } from './userDependencies.ts';

/**
 * For a change that removes `leaving` as an active admin of `/`: refuses it when no other active
 * admin remains, else returns the guard item that makes the count hold until the change commits
 * (see bumpRootAdminGuard), so two admins removing each other cannot both succeed.
 */
export async function rootAdminGuardItem(deps: UserDependencies, leaving: string): Promise<TransactItem> {
  const version = await readRootAdminGuard(deps.table);
  const admins = (await queryGroupMemberEmails(deps.table, ROOT_GROUP_ID)).filter(
    (member) => member.role === 'admin' && !member.status && member.email !== leaving,
  );
  const states = await Promise.all(admins.map((admin) => getUser(deps.table, admin.email)));
  if (!states.some((user) => user && user.state !== 'disabled')) throw conflict('This would leave / without an active admin');
  return bumpRootAdminGuard(deps.table.tableName, version);
}
