/** What a grant must satisfy besides the caller's rights: a usable role, a default group within reach, a group with room. */
import { conflict, invalid, notFound, type DomainError } from '../../domain/errors.ts';
import { isWithin } from '../../domain/groupPath.ts';
import { describeLimit, tenantOf } from '../../domain/plans.ts';
import { isBuiltInRole } from '../../domain/roles.ts';
import { getGroup, getStoredGroup } from '../../store/groupStore.ts';
import { findUsableRole } from '../../store/roleStore.ts';
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
  if (!(await getGroup(deps.table, defaultGroup))) throw notFound(`Group ${defaultGroup} not found`);
}

/**
 * Why a grant's conditions failed: the group is missing (not found) or disabled (conflict), or its
 * tenant's plan is full (conflict naming the plan and its limit). Undefined: something else changed; try again.
 */
export async function grantRefusal(deps: UserDependencies, groupId: string): Promise<DomainError | undefined> {
  const group = await getStoredGroup(deps.table, groupId);
  if (!group) return notFound(`Group ${groupId} not found`);
  if (group.record.state !== 'active') return conflict(`Group ${groupId} is disabled: it accepts no new members`);
  const tenantId = tenantOf(groupId);
  const tenant = tenantId === groupId ? group : tenantId ? await getStoredGroup(deps.table, tenantId) : undefined;
  if (tenant?.userLimit !== undefined && tenant.userCount >= tenant.userLimit) {
    return conflict(`Tenant ${tenantId} is full: ${describeLimit(tenant.record.plan ?? 'team')}. Upgrade the plan to add users.`);
  }
  return undefined;
}

/** Where a custom role usable at the group is defined (undefined for built-in roles); invalid for a role not usable there. */
export async function usableRoleSource(deps: UserDependencies, groupId: string, role: string): Promise<string | undefined> {
  if (isBuiltInRole(role)) return undefined;
  const definition = await findUsableRole(deps.table, groupId, role);
  if (!definition) throw invalid(`Role ${role} is neither built in nor defined at ${groupId} or above it`);
  return definition.definedAt;
}
