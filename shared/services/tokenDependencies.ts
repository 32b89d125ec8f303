/** The container's dependencies with the token verifier: for the authorizer and the auth routes, which verify tokens. */
import { createTokenVerifier, verifierSettingsFromEnvironment, type TokenVerifier } from '../identity/tokenVerifier.ts';
import type { AuthDependencies } from './authService.ts';
import type { AuthorizerDependencies } from './authorizerService.ts';
import { containerDependencies, storageDependencies } from './dependencies.ts';

let verifier: TokenVerifier | undefined;
const tokenVerifier = () => (verifier ??= createTokenVerifier(verifierSettingsFromEnvironment()));

export function authorizerDependencies(): AuthorizerDependencies {
  const { table, now } = storageDependencies();
  return { verifier: tokenVerifier(), table, now: () => now().getTime() };
}

export function authDependencies(): AuthDependencies {
  const { table, identity, now } = containerDependencies();
  return { table, identity, verifier: tokenVerifier(), now };
}
