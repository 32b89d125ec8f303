/** The sign-up routes' dependencies: the table's stores, and Cognito, which signs the owner up and checks the code. */
import { containerDependencies } from '../dependencies.ts';
import type { SignupDependencies } from './signupStore.ts';
import { signupCompletion } from './signupCompletion.ts';

export function signupDependencies(): SignupDependencies {
  return { ...signupCompletion(), identity: containerDependencies().identity };
}
