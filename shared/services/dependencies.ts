/** The clients a function needs, built once per container from its environment, on first use. */
import { CognitoIdentity, identitySettingsFromEnvironment } from '../identity/cognitoIdentity.ts';
import { defaultTable } from '../store/client.ts';
import type { AuthDependencies } from './authService.ts';

let identity: CognitoIdentity | undefined;

export function authDependencies(): AuthDependencies {
  identity ??= new CognitoIdentity(identitySettingsFromEnvironment());
  return { table: defaultTable(), identity };
}
