/**
 * Granting a role to an existing user in the caller's context. It takes effect at once when the
 * caller manages one of the user's groups; otherwise it waits as an invitation the user accepts,
 * and the caller sees the same answer as for a new invitation.
 */
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { compact } from '../../domain/sparse.ts';
import type { Role } from '../../domain/roles.ts';
import type { Tags } from '../../domain/tags.ts';
import { auditEventPut } from '../../store/audit.ts';
import { tagUsageUpdates, userScopes } from '../../store/tagUsageStore.ts';
import type { TransactItem } from '../../store/transactions.ts';
import { membershipSummaryUpdate } from '../../store/membershipSummary.ts';
import type { MembershipRecord, UserRecord } from '../../store/storedRecords.ts';
import { putMembership, replaceUser, type UserWithMemberships } from '../../store/userStore.ts';
import { grantTakesEffect } from '../access/userRules.ts';
import { assertDefaultGroup } from './grantChecks.ts';
import {
  countedTagPlacement,
  membershipCountUpdates,
  roleUseUpdates,
  withoutKeys,
  writeUserTransaction,
} from './membershipChange.ts';
import { presentUser, type UserView } from './present.ts';
import { rootAdminGuardItem } from './rootAdminGuard.ts';
import { timestamp, type Mutation, type UserDependencies } from './userDependencies.ts';

export interface GrantRequest {
  email: string;
  role: Role;
  password?: string;
  tags?: Tags;
  defaultGroup?: string;
}

export async function grantExisting(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  request: GrantRequest,
  existing: UserWithMemberships,
  roleSource: string | undefined,
): Promise<UserView> {
  const contextId = caller.groupContextId;
  const takesEffect = grantTakesEffect(caller, existing);
  const at = timestamp(deps);
  const previousRole = existing.memberships[contextId];
  const memberships = takesEffect ? { ...existing.memberships, [contextId]: request.role } : existing.memberships;
  const pending = takesEffect ? withoutKeys(existing.pending, [contextId]) : { ...existing.pending, [contextId]: request.role };
  const defaultGroup = takesEffect && request.defaultGroup !== undefined ? request.defaultGroup : existing.user.defaultGroup;
  if (takesEffect && request.defaultGroup !== undefined)
    await assertDefaultGroup(deps, request.defaultGroup, Object.keys(memberships));
  const user: UserRecord = compact({ ...existing.user, defaultGroup, updatedBy: caller.email, updatedAt: at });

  const groupsBefore = [...Object.keys(existing.memberships), ...Object.keys(existing.pending)];
  const replacedRole = existing.memberships[contextId] ?? existing.pending[contextId];
  const membership: MembershipRecord = {
    email: request.email,
    groupId: contextId,
    role: request.role,
    ...(roleSource ? { roleDefinedAt: roleSource } : {}),
    ...(takesEffect ? {} : { status: 'pending' as const }),
    createdBy: caller.email,
    createdAt: at,
  };
  const items: TransactItem[] = [
    ...membershipCountUpdates(deps.table.tableName, {
      before: groupsBefore,
      after: [...new Set([...groupsBefore, contextId])],
      activeGroup: contextId,
    }),
    replaceUser(deps.table.tableName, user, existing.version),
    putMembership(deps.table.tableName, membership),
    membershipSummaryUpdate(deps.table.tableName, request.email, { set: [membership] }),
    ...roleUseUpdates(
      deps.table.tableName,
      replacedRole ? [{ role: replacedRole, source: existing.roleSources[contextId] }] : [],
      [{ role: request.role, source: roleSource }],
    ),
    auditEventPut(deps.table.tableName, {
      actor: caller.email,
      action: takesEffect ? 'membership.granted' : 'membership.invited',
      targetType: 'user',
      targetId: request.email,
      before: previousRole ? { groups: { [contextId]: previousRole } } : undefined,
      after: { groups: { [contextId]: request.role }, ...(takesEffect ? {} : { status: 'pending' }) },
      at,
      requestId,
    }),
    ...tagUsageUpdates(deps.table.tableName, 'user', countedTagPlacement(existing), {
      scopes: userScopes(Object.keys(memberships)),
      tags: user.tags ?? {},
    }),
  ];
  if (contextId === ROOT_GROUP_ID && previousRole === 'admin' && request.role !== 'admin') {
    items.push(await rootAdminGuardItem(deps, request.email));
  }
  await writeUserTransaction(deps.table, items);
  return presentUser(
    { user, version: existing.version + 1, memberships, pending, roleSources: { ...existing.roleSources } },
    caller,
  );
}
