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

export { nowOf, timestampOf as timestamp } from '../clock.ts';
