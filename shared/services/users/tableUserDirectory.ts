/**
 * The user directory on the table: a change is one transaction holding the profile, the
 * membership items, the group and tenant counters, the custom roles' use counts, the user's tag
 * usage, the root-admin guard, the ended sessions and the audit event.
 */
import { invalid } from '../../domain/errors.ts';
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { auditEventPut } from '../../store/audit.ts';
import { deleteMembershipSummary, membershipSummaryUpdate, putMembershipSummary } from '../../store/membershipSummary.ts';
import type { TableRef } from '../../store/client.ts';
import { getStoredGroup } from '../../store/groupStore.ts';
import { getInvitationSender } from '../../store/invitationSender.ts';
import { findUsableRole } from '../../store/roleStore.ts';
import { sessionDelete, sessionSortKeys } from '../../store/sessionStore.ts';
import { tagUsageUpdates } from '../../store/tagUsageStore.ts';
import { MAX_TRANSACTION_ITEMS, writeTransaction, type TransactItem } from '../../store/transactions.ts';
import { endSessions } from '../../store/userMutations.ts';
import {
  bumpRootAdminGuard,
  deleteMembership,
  deleteUserProfile,
  getUser,
  putInvitation,
  putMembership,
  putNewUser,
  queryGroupMemberEmails,
  readRootAdminGuard,
  replaceUser,
} from '../../store/userStore.ts';
import { membershipCountUpdates, roleUseUpdates } from './membershipChange.ts';
import { tableUserReads } from './tableUserReads.ts';
import type { UserChange, UserDirectory } from './userDirectory.ts';

/** The transaction items of a change, in one order: counters, profile, memberships, role uses, audit, tags, guard, sessions. */
export function userChangeItems(tableName: string, change: UserChange): TransactItem[] {
  const { profile } = change;
  const email = 'put' in profile ? profile.put.email : profile.remove;
  return [
    ...(change.groups
      ? membershipCountUpdates(tableName, {
          before: change.groups.before,
          after: change.groups.after,
          activeGroup: change.groups.joining,
        })
      : []),
    'put' in profile
      ? profile.version === undefined
        ? putNewUser(tableName, profile.put)
        : replaceUser(tableName, profile.put, profile.version)
      : deleteUserProfile(tableName, profile.remove, profile.version),
    ...(change.memberships ?? []).map((membership) => putMembership(tableName, membership)),
    ...(change.invitations ?? []).map((invitation) => putInvitation(tableName, invitation)),
    ...(change.removed ?? []).map((groupId) => deleteMembership(tableName, email, groupId)),
    ...(change.roleUses ? roleUseUpdates(tableName, change.roleUses.stopping, change.roleUses.starting) : []),
    auditEventPut(tableName, change.audit),
    ...(change.tagPlacement ? tagUsageUpdates(tableName, 'user', change.tagPlacement.before, change.tagPlacement.after) : []),
    ...(change.rootAdminGuard === undefined ? [] : [bumpRootAdminGuard(tableName, change.rootAdminGuard)]),
    ...(change.endedSessions ?? []).map((sk) => sessionDelete(tableName, email, sk)),
    ...summaryItems(tableName, email, change),
  ];
}

/**
 * The listings' membership summary moves with every membership and invitation written or removed:
 * a new user's is complete from the start, and a deleted user's goes with the profile.
 */
function summaryItems(tableName: string, email: string, change: UserChange): TransactItem[] {
  const { profile } = change;
  if ('remove' in profile) return [deleteMembershipSummary(tableName, email)];
  const written = [
    ...(change.memberships ?? []),
    ...(change.invitations ?? []).map((invitation) => ({ ...invitation, status: 'pending' as const })),
  ];
  if (profile.version === undefined) return [putMembershipSummary(tableName, email, written)];
  const removed = change.removed ?? [];
  return written.length + removed.length > 0
    ? [membershipSummaryUpdate(tableName, email, { set: written, remove: removed })]
    : [];
}

export function tableUserDirectory(table: TableRef): UserDirectory {
  const { tableName } = table;
  return {
    ...tableUserReads(table),
    group: (id) => getStoredGroup(table, id),
    usableRole: (groupId, name) => findUsableRole(table, groupId, name),
    invitationSender: (email, groupId) => getInvitationSender(table, email, groupId),

    async otherRootAdmins(leaving) {
      const guardVersion = await readRootAdminGuard(table);
      const admins = (await queryGroupMemberEmails(table, ROOT_GROUP_ID)).filter(
        (member) => member.role === 'admin' && !member.status && member.email !== leaving,
      );
      const users = await Promise.all(admins.map((admin) => getUser(table, admin.email)));
      return { guardVersion, admins: admins.map((admin, i) => ({ email: admin.email, state: users[i]?.state })) };
    },

    fits: (change) => userChangeItems(tableName, change).length <= MAX_TRANSACTION_ITEMS,

    async apply(change) {
      const items = userChangeItems(tableName, change);
      // Many tag values make the counters outgrow one transaction: the caller's 400, not a 500.
      if (items.length > MAX_TRANSACTION_ITEMS)
        throw invalid('Too many tag values for this user’s memberships: use fewer tags or flatter tag values');
      await writeTransaction(table, items);
    },

    sessionKeys: (email) => sessionSortKeys(table, email),
    endSessions: (ending) => endSessions(table, ending),
  };
}
