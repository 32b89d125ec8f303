/**
 * What an invitation must satisfy, checked in one fixed order before anything is read about the
 * invitee, so the answer never depends on whether the address has an account elsewhere: the group
 * exists and is active, the default group exists, and the tenant has room (a tenant that is full
 * still takes a grant to someone it already counts, which the caller can see anyway).
 */
import { conflict, notFound, type DomainError } from '../../domain/errors.ts';
import { isWithin, ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { describeLimit, tenantOf } from '../../domain/plans.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import type { UserDependencies } from './userDependencies.ts';

/** Throws for a missing or disabled group or default group; returns the tenant's refusal when it is full. */
export async function checkInvitationTarget(
  deps: Pick<UserDependencies, 'users'>,
  groupId: string,
  defaultGroup: string,
): Promise<{ tenantFull?: DomainError }> {
  const group = await deps.users.group(groupId);
  if (!group) throw notFound(`Group ${groupId} not found`);
  if (group.record.state !== 'active') throw conflict(`Group ${groupId} is disabled: it accepts no new members`);
  // A default group outside the context can only be one of a visible user's own groups: checked with that user.
  if (defaultGroup !== groupId && isWithin(defaultGroup, groupId) && !(await deps.users.group(defaultGroup)))
    throw notFound(`Group ${defaultGroup} not found`);
  const tenantId = tenantOf(groupId);
  const tenant = tenantId === groupId ? group : tenantId ? await deps.users.group(tenantId) : undefined;
  if (tenant?.userLimit !== undefined && tenant.userCount >= tenant.userLimit) {
    return {
      tenantFull: conflict(
        `Tenant ${tenantId} is full: ${describeLimit(tenant.record.plan ?? 'team')}. Upgrade the plan to add users.`,
      ),
    };
  }
  return {};
}

/** The user already counts as one of this tenant's users (a membership or an invitation there). */
export function countedInTenant(loaded: UserWithMemberships | undefined, groupId: string): boolean {
  const tenantId = tenantOf(groupId);
  if (!loaded || !tenantId) return false;
  return [...Object.keys(loaded.memberships), ...Object.keys(loaded.pending)].some((own) => tenantOf(own) === tenantId);
}

/**
 * An address nobody has proved (its login's password was chosen by an inviter) gets grants at
 * once only inside the tenants it already belongs to; anywhere else the grant waits for proof.
 */
export function awaitsProof(loaded: UserWithMemberships, groupId: string): boolean {
  if (loaded.user.emailVerifiedAt) return false;
  return !Object.keys(loaded.memberships).some((own) => isWithin(groupId, tenantOf(own) ?? ROOT_GROUP_ID));
}
