/** The user accepts an invitation waiting at a group: it becomes a membership, once the user has proved their address. */
import { forbidden, notFound } from '../../domain/errors.ts';
import { withOptimisticRetry } from '../optimisticRetry.ts';
import { assertInvitationStillGranted, grantRefusal } from './grantChecks.ts';
import { countedTagPlacement, withoutKeys } from './membershipChange.ts';
import type { MeView } from './present.ts';
import { getMe } from './read.ts';
import { timestamp, type Mutation, type UserDependencies } from './userDependencies.ts';

export async function acceptInvitation(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  groupId: string,
): Promise<MeView> {
  await withOptimisticRetry(
    async () => {
      const loaded = await deps.users.user(caller.email);
      const role = loaded?.pending[groupId];
      // An invitation its tenant disabled can no longer be accepted.
      if (!loaded || !role || loaded.invitations?.[groupId]?.inviteeState === 'disabled')
        throw notFound(`No invitation to ${groupId}`);
      if (!loaded.user.emailVerifiedAt)
        throw forbidden(
          'Prove your email address first: use the reset code sent to it (POST /auth/password/forgot sends another)',
        );
      await assertInvitationStillGranted(deps, caller.email, { groupId, role });
      const at = timestamp(deps);
      const memberships = { ...loaded.memberships, [groupId]: role };
      await deps.users.apply({
        // The invitation already counts at its group: only the group's state is checked.
        groups: { before: [groupId], after: [groupId], joining: groupId },
        profile: { put: { ...loaded.user, updatedBy: caller.email, updatedAt: at }, version: loaded.version },
        memberships: [
          {
            email: caller.email,
            groupId,
            role,
            ...(loaded.roleSources[groupId] ? { roleDefinedAt: loaded.roleSources[groupId] } : {}),
            createdBy: caller.email,
            createdAt: at,
          },
        ],
        audit: {
          actor: caller.email,
          action: 'membership.accepted',
          targetType: 'user',
          targetId: caller.email,
          after: { groups: { [groupId]: role } },
          at,
          requestId,
        },
        tagPlacement: {
          before: countedTagPlacement(loaded),
          // The invitation's own tags stop counting: the person keeps their profile's.
          after: countedTagPlacement({
            user: loaded.user,
            memberships,
            invitations: withoutKeys(loaded.invitations ?? {}, [groupId]),
          }),
        },
      });
    },
    { explain: () => grantRefusal(deps, groupId), exhausted: 'Your account is being changed by another request; try again' },
  );
  return getMe(deps, caller);
}
