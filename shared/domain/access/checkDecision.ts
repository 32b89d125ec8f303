/**
 * The check API's decision for one subject (the caller, or someone visible where the caller acts):
 * the role decides, then a disabled user or a group requiring MFA the user lacks turns an allow into a deny.
 * Checking someone else at a group needs the right to read users there: elsewhere the answer is
 * the unknown-email answer, so it names no role, no group and no MFA setting the caller cannot see.
 */
import { decide, type CustomRoleLookup, type Decision } from './permissions.ts';
import type { Memberships } from '../roles.ts';

export const UNKNOWN_SUBJECT = 'No such user where you act';
export const CHECK_OTHERS_ACTION = 'iam:users:read';

/** The groups among `groupIds` where the caller may check someone else. */
export function groupsWithinReach(callerMemberships: Memberships, groupIds: string[], customRoles?: CustomRoleLookup): string[] {
  return groupIds.filter((groupId) => decide(callerMemberships, groupId, CHECK_OTHERS_ACTION, customRoles).allowed);
}

export interface CheckSubject {
  memberships: Memberships;
  state: 'invited' | 'active' | 'disabled' | 'unknown';
  mfaEnabled: boolean;
}

export function decideCheck(
  subject: CheckSubject,
  groupId: string,
  action: string,
  inputs: { customRoles?: CustomRoleLookup; mfaRequired: boolean },
): Decision {
  if (subject.state === 'unknown') return { allowed: false, role: null, grantedAt: null, reason: UNKNOWN_SUBJECT };
  const decision = decide(subject.memberships, groupId, action, inputs.customRoles);
  if (!decision.allowed) return decision;
  if (subject.state === 'disabled') return { ...decision, allowed: false, reason: 'The user is disabled' };
  if (!subject.mfaEnabled && inputs.mfaRequired)
    return { ...decision, allowed: false, reason: `MFA is required in group ${groupId} and the user has not enrolled` };
  return decision;
}
