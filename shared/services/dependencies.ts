/**
 * What a container needs, built once per container from its environment, in this one place: the
 * table, the clock, the Cognito adapter and, on the local stack, the outbox. The areas add their
 * ports to it (users/userDependencies.ts) or the token verifier (tokenDependencies.ts) in modules
 * of their own, so a function bundles only the clients it uses (the Cognito client tree-shakes away
 * where `identity` is never built; the JWT library would not).
 */
import { CognitoIdentity, identitySettingsFromEnvironment } from '../identity/cognitoIdentity.ts';
import { defaultTable, type TableRef } from '../store/client.ts';
import { recordOutboxMessage } from '../store/outboxStore.ts';
import { systemClock } from './clock.ts';

/** Local mode only: keeps what Cognito would email, for `GET /dev/outbox`. */
export type Outbox = (message: { to: string; kind: 'invitation'; subject: string; body: string }) => Promise<void>;

export interface Dependencies {
  table: TableRef;
  identity: CognitoIdentity;
  outbox?: Outbox;
  /** The system clock in every container; services read it through `nowOf` (clock.ts), and unit tests fix it. */
  now?: () => Date;
}

let identity: CognitoIdentity | undefined;

/** The table and the clock: for functions that call no Cognito API (roles, the post-confirmation trigger, the authorizer). */
export function storageDependencies(): Required<Pick<Dependencies, 'table' | 'now'>> {
  return { table: defaultTable(), now: systemClock };
}

export function containerDependencies(): Dependencies & Required<Pick<Dependencies, 'now'>> {
  identity ??= new CognitoIdentity(identitySettingsFromEnvironment());
  const { table, now } = storageDependencies();
  // Only the local stack sets COGNITO_ENDPOINT: there, messages Cognito would email also go to the outbox.
  return { table, identity, outbox: identity.isLocal ? (message) => recordOutboxMessage(table, message) : undefined, now };
}
