/**
 * What reading users needs (a user, a listing, their logins and sessions, ending one session): the
 * table, its user directory and the clock. No Cognito adapter or token verifier, so the bundles of
 * those routes carry neither.
 */
import { storageDependencies } from '../dependencies.ts';
import { tableUserDirectory } from './tableUserDirectory.ts';
import type { UserDependencies } from './userDependencies.ts';

export type UserReadDependencies = Pick<UserDependencies, 'table' | 'users' | 'now'>;

export function userReadDependencies(): UserReadDependencies {
  const storage = storageDependencies();
  return { ...storage, users: tableUserDirectory(storage.table) };
}
