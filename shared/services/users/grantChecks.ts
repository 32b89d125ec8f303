/** What a grant must satisfy besides the caller's rights: a usable role, a default group within reach, a group with room. */
import type { Caller } from '../../domain/caller.ts';
import { conflict, invalid, notFound, type DomainError } from '../../domain/errors.ts';
import { isWithin } from '../../domain/groupPath.ts';
import { describeLimit, tenantOf } from '../../domain/plans.ts';
import { isBuiltInRole } from '../../domain/roles.ts';
import { assertInviterMayStillGrant, assertMayGrant } from '../access/grantCeiling.ts';
import type { UserDependencies } from './userDependencies.ts';

/** The default group must exist and lie within one of the user's groups. */
export async function assertDefaultGroup(
  deps: UserDependencies,
  defaultGroup: string,
  userGroups: string[],
  outsideKind: 'invalid' | 'not-found' = 'not-found',
): Promise<void> {
  if (!userGroups.some((groupId) => isWithin(defaultGroup, groupId))) {
    const message = `Default group ${defaultGroup} is not one of the user's groups or beneath one`;
    throw outsideKind === 'invalid' ? invalid(message) : notFound(message);
  }
  if (!(await deps.users.group(defaultGroup))) throw notFound(`Group ${defaultGroup} not found`);
}

/**
 * Why a grant's conditions failed: the group is missing (not found) or disabled (conflict), or its
 * tenant's plan is full (conflict naming the plan and its limit). Undefined: something else changed; try again.
 */
export async function grantRefusal(deps: UserDependencies, groupId: string): Promise<DomainError | undefined> {
  const group = await deps.users.group(groupId);
  if (!group) return notFound(`Group ${groupId} not found`);
  if (group.record.state !== 'active') return conflict(`Group ${groupId} is disabled: it accepts no new members`);
  const tenantId = tenantOf(groupId);
  const tenant = tenantId === groupId ? group : tenantId ? await deps.users.group(tenantId) : undefined;
  if (tenant?.userLimit !== undefined && tenant.userCount >= tenant.userLimit) {
    return conflict(`Tenant ${tenantId} is full: ${describeLimit(tenant.record.plan ?? 'team')}. Upgrade the plan to add users.`);
  }
  return undefined;
}

/**
 * Where the role to grant in the caller's context is defined (undefined for built-in roles), once
 * the grant is known to stay under its granter's ceiling: invalid for a role not usable there,
 * forbidden for one that allows an action the caller may not do there.
 */
export async function grantableRoleSource(deps: UserDependencies, caller: Caller, role: string): Promise<string | undefined> {
  const groupId = caller.groupContextId;
  const definition = isBuiltInRole(role) ? undefined : await deps.users.usableRole(groupId, role);
  if (!isBuiltInRole(role) && !definition)
    throw invalid(`Role ${role} is neither built in nor defined at ${groupId} or above it`);
  await assertMayGrant(deps.decisionInputs, caller.memberships, groupId, role, definition);
  return definition?.definedAt;
}

/**
 * At acceptance: the invitation's sender must still be allowed to invite at the group and to
 * grant its role there, as they are now (demoted, revoked or deleted senders vouch for nothing).
 */
export async function assertInvitationStillGranted(
  deps: UserDependencies,
  invitee: string,
  invitation: { groupId: string; role: string },
): Promise<void> {
  const { groupId, role } = invitation;
  const [sender, definition] = await Promise.all([
    deps.users.invitationSender(invitee, groupId),
    isBuiltInRole(role) ? undefined : deps.users.usableRole(groupId, role),
  ]);
  const inviter = sender ? await deps.users.user(sender) : undefined;
  await assertInviterMayStillGrant(deps.decisionInputs, inviter?.memberships, { groupId, role, definition });
}
