/** What the users use cases need, built once per container, and who asks. */
import type { Caller } from '../../domain/caller.ts';
import type { CognitoIdentity } from '../../identity/cognitoIdentity.ts';
import type { DecisionInputs } from '../access/decisionInputs.ts';
import { tableDecisionInputs } from '../access/tableDecisionInputs.ts';
import { containerDependencies, type Dependencies } from '../dependencies.ts';
import { tablePasswordProof, type PasswordChangeProof } from './passwordProof.ts';
import { tableUserDirectory } from './tableUserDirectory.ts';
import type { UserDirectory } from './userDirectory.ts';

/** The part of the Cognito adapter the users use cases call: always after their commit. */
export type UserIdentity = Pick<
  CognitoIdentity,
  | 'loginStatus'
  | 'createUser'
  | 'deleteUser'
  | 'forgotPassword'
  | 'setPermanentPassword'
  | 'disableUser'
  | 'enableUser'
  | 'signOutEverywhere'
>;

/**
 * The container's dependencies with the users use cases' ports. The use cases read and write
 * through `users` alone; `table` stays for the listing and the tenant services, which read it directly.
 */
export interface UserDependencies extends Omit<Dependencies, 'identity'> {
  identity: UserIdentity;
  users: UserDirectory;
  decisionInputs: DecisionInputs;
  passwordProof: PasswordChangeProof;
}

export interface Mutation {
  caller: Caller;
  requestId: string;
}

export { nowOf, timestampOf as timestamp } from '../clock.ts';

/** The users use cases' dependencies in a function: the container's, with the table's user directory. */
export function userDependencies(): UserDependencies {
  const container = containerDependencies();
  return {
    ...container,
    users: tableUserDirectory(container.table),
    decisionInputs: tableDecisionInputs(() => container.table),
    passwordProof: tablePasswordProof(container),
  };
}
