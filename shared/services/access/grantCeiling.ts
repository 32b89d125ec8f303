/**
 * The grant ceiling, enforced: a grant, an acceptance or a role definition gives only actions
 * the granting person may do at that group. Inputs first (the granter's deciding custom role;
 * for an acceptance, the inviter as they are now), then the pure rules of domain/access/grantCeiling.ts.
 */
import { mayDefineRole, mayGrant } from '../../domain/access/grantCeiling.ts';
import { decide, type CustomRoleDefinition } from '../../domain/access/permissions.ts';
import { forbidden } from '../../domain/errors.ts';
import type { Memberships } from '../../domain/roles.ts';
import { customRolesFor, type DecisionInputs } from './decisionInputs.ts';

export const INVITE_ACTION = 'iam:users:invite';

/** The granter may grant `role` at `groupId` (`definition`: the custom role's definition usable there). */
export async function assertMayGrant(
  inputs: DecisionInputs,
  granterMemberships: Memberships,
  groupId: string,
  role: string,
  definition: CustomRoleDefinition | undefined,
): Promise<void> {
  const granterRoles = await customRolesFor(inputs, granterMemberships, [groupId]);
  if (!mayGrant(granterMemberships, groupId, role, definition, granterRoles))
    throw forbidden(`Not allowed to grant ${role} in group ${groupId}: it allows actions your role there does not`);
}

/** The caller may define or change, at `groupId`, a custom role listing `actions`. */
export async function assertMayDefineRole(
  inputs: DecisionInputs,
  callerMemberships: Memberships,
  groupId: string,
  actions: readonly string[],
): Promise<void> {
  const callerRoles = await customRolesFor(inputs, callerMemberships, [groupId]);
  if (!mayDefineRole(callerMemberships, groupId, actions, callerRoles))
    throw forbidden(`Not allowed to define a role in group ${groupId} with actions your role there does not allow`);
}

/**
 * At acceptance, the inviter must still be allowed to invite at the group and to grant the role:
 * an inviter who lost the right since (demoted, revoked, deleted) no longer vouches for it.
 * `inviter`: their memberships now, undefined when they no longer exist.
 */
export async function assertInviterMayStillGrant(
  inputs: DecisionInputs,
  inviter: Memberships | undefined,
  invitation: { groupId: string; role: string; definition: CustomRoleDefinition | undefined },
): Promise<void> {
  const refusal = forbidden(`The invitation to ${invitation.groupId} is no longer valid: its sender may no longer grant it`);
  if (!inviter) throw refusal;
  const inviterRoles = await customRolesFor(inputs, inviter, [invitation.groupId]);
  const mayInvite = decide(inviter, invitation.groupId, INVITE_ACTION, inviterRoles).allowed;
  if (!mayInvite || !mayGrant(inviter, invitation.groupId, invitation.role, invitation.definition, inviterRoles)) throw refusal;
}
