/** What the users use cases need, and who asks. */
import type { Caller } from '../../domain/caller.ts';
import type { CognitoIdentity } from '../../identity/cognitoIdentity.ts';
import type { TableRef } from '../../store/client.ts';

export interface UserDependencies {
  table: TableRef;
  identity: CognitoIdentity;
  /** Local mode only: keeps what Cognito would email, for `GET /dev/outbox`. */
  outbox?: (message: { to: string; kind: 'invitation'; subject: string; body: string }) => Promise<void>;
  now?: () => Date;
}

export interface Mutation {
  caller: Caller;
  requestId: string;
}

export const nowOf = (deps: Pick<UserDependencies, 'now'>): Date => deps.now?.() ?? new Date();
export const timestamp = (deps: Pick<UserDependencies, 'now'>): string => nowOf(deps).toISOString();
