/** What the post-confirmation trigger needs, built once per container from the table alone: it has no Cognito settings. */
import { defaultTable } from '../../store/client.ts';
import { tableTenantDirectory } from '../tenants/tableTenantDirectory.ts';
import type { SignupCompletion } from './signupStore.ts';
import { tableSignupStore } from './tableSignupStore.ts';

let completion: SignupCompletion | undefined;

export function signupCompletion(): SignupCompletion {
  return (completion ??= { signups: tableSignupStore(defaultTable()), tenants: tableTenantDirectory(defaultTable()) });
}
