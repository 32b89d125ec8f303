/**
 * What an inviting tenant sees of someone who has not accepted its invitation: the invitation
 * alone, shaped exactly like a never-seen email's new invited user (state, groups, default group,
 * tags, who invited and when), so nobody learns that the address has an account elsewhere.
 */
import { visibleMemberships } from '../../domain/access/visibility.ts';
import type { Memberships } from '../../domain/roles.ts';
import { compact } from '../../domain/sparse.ts';
import type { MembershipRecord } from '../../store/storedRecords.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import type { UserView } from './present.ts';

/** The caller's visible invitations of the user, in tree order (the first one speaks for them all). */
export function visibleInvitations(callerMemberships: Memberships, loaded: UserWithMemberships): MembershipRecord[] {
  return Object.keys(visibleMemberships(callerMemberships, loaded.pending))
    .sort()
    .map(
      (groupId) =>
        loaded.invitations?.[groupId] ?? {
          email: loaded.user.email,
          groupId,
          role: loaded.pending[groupId]!,
          createdBy: loaded.user.createdBy,
          createdAt: loaded.user.createdAt,
        },
    );
}

export function presentInvitation(loaded: UserWithMemberships, callerMemberships: Memberships): UserView {
  const invitations = visibleInvitations(callerMemberships, loaded);
  const first = invitations[0]!;
  return compact({
    email: loaded.user.email,
    state: first.inviteeState ?? 'invited',
    groups: Object.fromEntries(invitations.map((invitation) => [invitation.groupId, invitation.role])),
    defaultGroup: first.defaultGroup ?? first.groupId,
    tags: first.tags,
    createdBy: first.createdBy,
    createdAt: first.createdAt,
    updatedBy: first.updatedBy,
    updatedAt: first.updatedAt,
  });
}
