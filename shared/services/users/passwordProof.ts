/**
 * A new password needs a fresh proof: the current password, or a session authenticated in the
 * last five minutes. Answers the caller's session (its sort key), which the change keeps alive.
 */
import type { Caller } from '../../domain/caller.ts';
import type { CognitoIdentity } from '../../identity/cognitoIdentity.ts';
import type { TableRef } from '../../store/client.ts';
import { sessionSkOf } from '../../store/sessionStore.ts';
import { verifyCurrentPassword, type LoginClient } from '../authService.ts';
import { freshSessionOf, liveSessionOf } from '../freshProof.ts';

export type PasswordChangeProof = (
  caller: Caller,
  currentPassword: string | undefined,
  requestId: string,
  client: LoginClient | undefined,
) => Promise<string>;

export function tablePasswordProof(deps: { table: TableRef; identity: CognitoIdentity; now?: () => Date }): PasswordChangeProof {
  return async (caller, currentPassword, requestId, client) => {
    if (currentPassword === undefined)
      return sessionSkOf(await freshSessionOf(deps, caller, 'send your current password as currentPassword'));
    const session = await liveSessionOf(deps, caller);
    await verifyCurrentPassword(deps, caller.email, currentPassword, requestId, client);
    return sessionSkOf(session);
  };
}
