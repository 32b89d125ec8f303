/**
 * `PATCH /users/{email}` from a tenant that sees the person only through its invitations: state,
 * tags and default group change those invitations, exactly as they would change a new invited
 * user, and nothing the person's other tenants see (no profile change, no Cognito call).
 */
import { compact, nonEmpty } from '../../domain/sparse.ts';
import { applyTagPatch } from '../../domain/tags.ts';
import { changesNothing } from '../../events/changedFields.ts';
import type { Caller } from '../../domain/caller.ts';
import type { MembershipRecord } from '../../store/storedRecords.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { assertMayChangeProfile } from '../access/userRules.ts';
import { assertDefaultGroup } from './grantChecks.ts';
import { visibleInvitations } from './invitationView.ts';
import { countedTagPlacement } from './membershipChange.ts';
import type { UserChanges } from './update.ts';
import { timestamp, type UserDependencies } from './userDependencies.ts';

export async function updateInvitations(
  deps: UserDependencies,
  { caller, requestId }: { caller: Caller; requestId: string },
  loaded: UserWithMemberships,
  changes: UserChanges,
): Promise<void> {
  const invitations = visibleInvitations(caller.memberships, loaded);
  const groups = invitations.map((invitation) => invitation.groupId);
  // The same rule as for a member: an admin of every group the caller sees them in (here: invited to).
  assertMayChangeProfile(
    caller,
    loaded.user.email,
    { memberships: Object.fromEntries(groups.map((g) => [g, ''])), pending: {} },
    changes,
  );
  if (changes.defaultGroup !== undefined) await assertDefaultGroup(deps, changes.defaultGroup, groups, 'invalid');
  const at = timestamp(deps);
  const changed = invitations.map((before): MembershipRecord =>
    compact({
      ...before,
      inviteeState:
        changes.state === undefined
          ? before.inviteeState
          : changes.state === 'active' && (before.inviteeState ?? 'invited') === 'invited'
            ? undefined
            : changes.state,
      defaultGroup: changes.defaultGroup ?? before.defaultGroup,
      tags: changes.tags ? nonEmpty(applyTagPatch(before.tags ?? {}, changes.tags)) : before.tags,
      updatedBy: caller.email,
      updatedAt: at,
    }),
  );
  // As for a member: values the invitations already have change nothing, and nothing is written.
  if (changed.every((after, index) => changesNothing(invitations[index], after))) return;
  await deps.users.apply({
    // The profile is unchanged, only its version moves: this fails when the person accepted or was
    // changed meanwhile, and the change is decided again.
    profile: { put: loaded.user, version: loaded.version },
    invitations: changed,
    tagPlacement: {
      before: countedTagPlacement(loaded),
      after: countedTagPlacement({
        ...loaded,
        invitations: { ...loaded.invitations, ...Object.fromEntries(changed.map((i) => [i.groupId, i])) },
      }),
    },
    audit: {
      actor: caller.email,
      action: 'invitation.updated',
      targetType: 'user',
      targetId: loaded.user.email,
      before: { groups: Object.fromEntries(invitations.map((i) => [i.groupId, i.role])), invitations },
      after: { groups: Object.fromEntries(changed.map((i) => [i.groupId, i.role])), invitations: changed },
      at,
      requestId,
    },
  });
}
