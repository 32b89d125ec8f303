/** The user accepts an invitation waiting at a group: it becomes a membership, once the user has proved their address. */
import { forbidden, notFound } from '../../domain/errors.ts';
import { auditEventPut } from '../../store/audit.ts';
import { tagUsageUpdates, userScopes } from '../../store/tagUsageStore.ts';
import { loadUserWithMemberships, putMembership, replaceUser } from '../../store/userStore.ts';
import { membershipSummaryUpdate } from '../../store/membershipSummary.ts';
import type { MembershipRecord } from '../../store/storedRecords.ts';
import { withOptimisticRetry } from '../optimisticRetry.ts';
import { assertInvitationStillGranted, grantRefusal } from './grantChecks.ts';
import { countedTagPlacement, membershipCountUpdates, writeUserTransaction } from './membershipChange.ts';
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
      const loaded = await loadUserWithMemberships(deps.table, caller.email);
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
      const membership: MembershipRecord = {
        email: caller.email,
        groupId,
        role,
        ...(loaded.roleSources[groupId] ? { roleDefinedAt: loaded.roleSources[groupId] } : {}),
        createdBy: caller.email,
        createdAt: at,
      };
      await writeUserTransaction(deps.table, [
        ...membershipCountUpdates(deps.table.tableName, { before: [groupId], after: [groupId], activeGroup: groupId }),
        replaceUser(deps.table.tableName, { ...loaded.user, updatedBy: caller.email, updatedAt: at }, loaded.version),
        putMembership(deps.table.tableName, membership),
        membershipSummaryUpdate(deps.table.tableName, caller.email, { set: [membership] }),
        auditEventPut(deps.table.tableName, {
          actor: caller.email,
          action: 'membership.accepted',
          targetType: 'user',
          targetId: caller.email,
          after: { groups: { [groupId]: role } },
          at,
          requestId,
        }),
        ...tagUsageUpdates(deps.table.tableName, 'user', countedTagPlacement(loaded), {
          scopes: userScopes(Object.keys(memberships)),
          tags: loaded.user.tags ?? {},
        }),
      ]);
    },
    { explain: () => grantRefusal(deps, groupId), exhausted: 'Your account is being changed by another request; try again' },
  );
  return getMe(deps, caller);
}
