/**
 * What reading users needs (a user, a listing, their logins and sessions, ending one session): the
 * table, its user directory and the clock. No Cognito adapter or token verifier, so the bundles of
 * those routes carry neither.
 */
import { storageDependencies } from '../dependencies.ts';
import { tableUserReads, type UserReads } from './tableUserReads.ts';
import type { UserDependencies } from './userDependencies.ts';

export type UserReadDependencies = Pick<UserDependencies, 'table' | 'now'> & { users: UserReads };

export function userReadDependencies(): UserReadDependencies {
  const storage = storageDependencies();
  return { ...storage, users: tableUserReads(storage.table) };
}
