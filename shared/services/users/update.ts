/**
 * Changing a user: password (their own), state (someone else's), default group, tags. One
 * transaction with its audit event; Cognito follows the commit, so a refused commit changes nothing.
 */
import { seesOnlyInvitations } from '../../domain/access/visibility.ts';
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { compact, nonEmpty } from '../../domain/sparse.ts';
import { applyTagPatch } from '../../domain/tags.ts';
import { changesNothing } from '../../events/changedFields.ts';
import type { UserRecord } from '../../store/storedRecords.ts';
import { MAX_TRANSACTION_ITEMS } from '../../store/transactions.ts';
import { assertChangeAllowedFor, assertMayChangeProfile } from '../access/userRules.ts';
import { assertPasswordPolicy, type LoginClient } from '../authService.ts';
import { withOptimisticRetry } from '../optimisticRetry.ts';
import { assertDefaultGroup } from './grantChecks.ts';
import { updateInvitations } from './invitationUpdate.ts';
import { countedTagPlacement } from './membershipChange.ts';
import { loadVisibleUser } from './read.ts';
import { rootAdminGuardVersion } from './rootAdminGuard.ts';
import type { UserChange } from './userDirectory.ts';
import { nowOf, type Mutation, type UserDependencies } from './userDependencies.ts';

export interface UserChanges {
  password?: string;
  /** With `password`: the proof a session older than five minutes needs. */
  currentPassword?: string;
  state?: 'active' | 'disabled';
  defaultGroup?: string;
  tags?: Record<string, string | null>;
}

export async function updateUser(
  deps: UserDependencies,
  { caller, requestId, client }: Mutation & { client?: LoginClient },
  email: string,
  changes: UserChanges,
): Promise<void> {
  assertChangeAllowedFor(caller, email, changes);
  if (changes.password !== undefined) assertPasswordPolicy(changes.password, 'password');
  // A new password needs a fresh proof, and ends every session but the caller's own.
  const keptSession =
    changes.password === undefined ? undefined : await deps.passwordProof(caller, changes.currentPassword, requestId, client);
  const endedSessions =
    changes.password !== undefined || changes.state === 'disabled'
      ? (await deps.users.sessionKeys(email)).filter((sk) => sk !== keptSession)
      : [];

  const changed = await withOptimisticRetry(
    async (): Promise<'profile' | 'invitations'> => {
      const loaded = await loadVisibleUser(deps, caller, email);
      if (email !== caller.email && seesOnlyInvitations(caller.memberships, loaded)) {
        await updateInvitations(deps, { caller, requestId }, loaded, changes);
        return 'invitations';
      }
      const groups = Object.keys(loaded.memberships);
      assertMayChangeProfile(caller, email, loaded, changes);
      if (changes.defaultGroup !== undefined) await assertDefaultGroup(deps, changes.defaultGroup, groups, 'invalid');

      const at = nowOf(deps).toISOString();
      const before = loaded.user;
      const after: UserRecord = compact({
        ...before,
        state:
          changes.state === undefined
            ? before.state
            : changes.state === 'active' && before.state === 'invited'
              ? 'invited'
              : changes.state,
        defaultGroup: changes.defaultGroup ?? before.defaultGroup,
        tags: changes.tags ? nonEmpty(applyTagPatch(before.tags ?? {}, changes.tags)) : before.tags,
        updatedBy: caller.email,
        updatedAt: at,
      });
      // Values the user already has change nothing: no write, no event. Cognito still follows the state below.
      if (changes.password === undefined && endedSessions.length === 0 && changesNothing(before, after)) return 'profile';
      const change: UserChange = {
        profile: { put: after, version: loaded.version },
        audit: {
          actor: caller.email,
          action:
            changes.password !== undefined
              ? 'user.password_changed'
              : changes.state === 'disabled'
                ? 'user.disabled'
                : 'user.updated',
          targetType: 'user',
          targetId: email,
          before,
          after,
          at,
          requestId,
        },
        tagPlacement: {
          before: countedTagPlacement(loaded),
          after: countedTagPlacement({ ...loaded, user: after }),
        },
        rootAdminGuard:
          changes.state === 'disabled' && before.state !== 'disabled' && loaded.memberships[ROOT_GROUP_ID] === 'admin'
            ? await rootAdminGuardVersion(deps, email)
            : undefined,
      };
      // As many ended sessions as the transaction holds; the rest follow the commit.
      await deps.users.apply({ ...change, endedSessions: sessionsThatFit(deps, change, endedSessions) });
      return 'profile';
    },
    { exhausted: `User ${email} is being changed by another request; try again` },
  );
  if (changed === 'invitations') return;
  // Sessions beyond what one transaction holds, or opened while this change ran: ended right after the commit,
  // recorded only if there were any (those the commit ended are in its own event).
  if (changes.password !== undefined || changes.state === 'disabled')
    await deps.users
      .endSessions({
        email,
        actor: caller.email,
        action: 'session.ended',
        requestId,
        now: nowOf(deps),
        keep: keptSession,
        onlyIfAny: true,
      })
      .catch(() => undefined);
  // External effects follow the commit.
  if (changes.password !== undefined) await deps.identity.setPermanentPassword(email, changes.password);
  if (changes.state === 'disabled') {
    await deps.identity.disableUser(email);
    await deps.identity.signOutEverywhere(email);
  }
  if (changes.state === 'active') await deps.identity.enableUser(email);
}

/** The longest prefix of `sessions` the change still holds in its transaction. */
function sessionsThatFit(deps: UserDependencies, change: UserChange, sessions: string[]): string[] {
  let count = Math.min(sessions.length, MAX_TRANSACTION_ITEMS);
  while (count > 0 && !deps.users.fits({ ...change, endedSessions: sessions.slice(0, count) })) count--;
  return sessions.slice(0, count);
}
