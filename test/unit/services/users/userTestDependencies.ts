/** The users use cases' dependencies for unit tests: the in-memory directory and Cognito, a fixed clock, and a table nobody may read. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomRoleDefinition } from '../../../../shared/domain/access/permissions.ts';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { Memberships } from '../../../../shared/domain/roles.ts';
import type { Mutation, UserDependencies } from '../../../../shared/services/users/userDependencies.ts';
import { callerIn, fakeDecisionInputs } from '../fakes.ts';
import { fakeUserIdentity, type FakeUserIdentity } from '../fakeUserIdentity.ts';
import type { FakeUserDirectory } from '../fakeUserDirectory.ts';

export const NOW = new Date('2026-06-01T12:00:00.000Z');
export const KEPT_SESSION = 'SESSION#kept';

/** Any read or write of the table fails: the users use cases go through their directory only. */
const untouchableTable = {
  tableName: 'untouchable',
  doc: {
    send: async () => {
      throw new Error('The users use cases read and write through their directory, never the table');
    },
  } as unknown as DynamoDBDocumentClient,
};

export type TestUserDependencies = UserDependencies & { users: FakeUserDirectory; identity: FakeUserIdentity };

export function userDependencies(
  users: FakeUserDirectory,
  extra: { roles?: CustomRoleDefinition[]; passwordProof?: UserDependencies['passwordProof'] } = {},
): TestUserDependencies {
  return {
    table: untouchableTable,
    users,
    identity: fakeUserIdentity(users.log),
    decisionInputs: fakeDecisionInputs(extra.roles),
    passwordProof: extra.passwordProof ?? (async () => KEPT_SESSION),
    now: () => NOW,
  };
}

/** A request by `email` acting in `groupContextId` with these memberships. */
export function asCaller(
  email: string,
  groupContextId: string,
  memberships: Memberships,
  extra: Partial<Caller> = {},
): Mutation & { caller: Caller } {
  return { caller: callerIn(groupContextId, memberships, { email, ...extra }), requestId: 'req-1' };
}

/** The caller alone, for reads. */
export const callerAs = (...args: Parameters<typeof asCaller>): Caller => asCaller(...args).caller;
