/** The clients a function needs, built once per container from its environment, on first use. */
import { CognitoIdentity, identitySettingsFromEnvironment } from '../identity/cognitoIdentity.ts';
import { createTokenVerifier, verifierSettingsFromEnvironment, type TokenVerifier } from '../identity/tokenVerifier.ts';
import { defaultTable } from '../store/client.ts';
import { recordOutboxMessage } from '../store/outboxStore.ts';
import type { AuthDependencies } from './authService.ts';
import type { UserDependencies } from './users/userDependencies.ts';

let identity: CognitoIdentity | undefined;
let verifier: TokenVerifier | undefined;

export function authDependencies(): AuthDependencies {
  identity ??= new CognitoIdentity(identitySettingsFromEnvironment());
  verifier ??= createTokenVerifier(verifierSettingsFromEnvironment());
  return { table: defaultTable(), identity, verifier };
}

export function userDependencies(): UserDependencies {
  const { table, identity } = authDependencies();
  // Only the local stack sets COGNITO_ENDPOINT: there, messages Cognito would email also go to the outbox.
  return { table, identity, outbox: identity.isLocal ? (message) => recordOutboxMessage(table, message) : undefined };
}
