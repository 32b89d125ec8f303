/**
 * Granting a role to an existing user in the caller's context. It takes effect at once when the
 * caller manages one of the user's groups; otherwise it waits as an invitation the user accepts,
 * and the caller sees the same answer as for a new invitation.
 */
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { compact } from '../../domain/sparse.ts';
import type { Role } from '../../domain/roles.ts';
import type { Tags } from '../../domain/tags.ts';
import type { UserRecord } from '../../store/storedRecords.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { grantTakesEffect } from '../access/userRules.ts';
import { assertDefaultGroup } from './grantChecks.ts';
import { countedTagPlacement, withoutKeys } from './membershipChange.ts';
import { presentUser, type UserView } from './present.ts';
import { rootAdminGuardVersion } from './rootAdminGuard.ts';
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
  const demotesRootAdmin = contextId === ROOT_GROUP_ID && previousRole === 'admin' && request.role !== 'admin';
  await deps.users.apply({
    groups: { before: groupsBefore, after: [...new Set([...groupsBefore, contextId])], joining: contextId },
    profile: { put: user, version: existing.version },
    memberships: [
      {
        email: request.email,
        groupId: contextId,
        role: request.role,
        ...(roleSource ? { roleDefinedAt: roleSource } : {}),
        ...(takesEffect ? {} : { status: 'pending' as const }),
        createdBy: caller.email,
        createdAt: at,
      },
    ],
    roleUses: {
      stopping: replacedRole ? [{ role: replacedRole, source: existing.roleSources[contextId] }] : [],
      starting: [{ role: request.role, source: roleSource }],
    },
    audit: {
      actor: caller.email,
      action: takesEffect ? 'membership.granted' : 'membership.invited',
      targetType: 'user',
      targetId: request.email,
      before: previousRole ? { groups: { [contextId]: previousRole } } : undefined,
      after: { groups: { [contextId]: request.role }, ...(takesEffect ? {} : { status: 'pending' }) },
      at,
      requestId,
    },
    tagPlacement: {
      before: countedTagPlacement(existing),
      // A grant in the context replaces whatever invitation was there.
      after: countedTagPlacement({ user, memberships, invitations: withoutKeys(existing.invitations ?? {}, [contextId]) }),
    },
    rootAdminGuard: demotesRootAdmin ? await rootAdminGuardVersion(deps, request.email) : undefined,
  });
  return presentUser(
    { user, version: existing.version + 1, memberships, pending, roleSources: { ...existing.roleSources } },
    caller,
  );
}
