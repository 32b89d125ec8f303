/**
 * A route's rule, decided: the caller's role where the route acts (the deepest membership on the
 * path) must allow the route's action, and every group involved that requires MFA needs a caller
 * who has enrolled. For a group named in the path, a caller with no role there is told it does
 * not exist, so nobody learns what exists outside their reach.
 */
import { forbidden, notFound, type DomainError } from '../errors.ts';
import { decide, type CustomRoleLookup } from './permissions.ts';
import type { Memberships } from '../roles.ts';

/** Where the action applies: the group in context, a fixed group, or the group named in the path. */
export type RuleTarget = { where: 'context' | 'fixed' | 'path'; groupId: string };

export function actionRefusal(
  memberships: Memberships,
  target: RuleTarget,
  action: string,
  customRoles?: CustomRoleLookup,
): DomainError | undefined {
  const decision = decide(memberships, target.groupId, action, customRoles);
  if (decision.allowed) return undefined;
  if (target.where === 'fixed') return forbidden(`Not allowed to ${action}: it needs a role at ${target.groupId} that allows it`);
  if (target.where === 'path' && !decision.role) return notFound(`Group ${target.groupId} not found`);
  return forbidden(`Not allowed to ${action} in group ${target.groupId}: ${decision.reason}`);
}

/** `groupsRequiringMfa`: those of the groups involved whose effective configuration requires MFA, in order. */
export function mfaRefusal(mfaEnabled: boolean, groupsRequiringMfa: string[]): DomainError | undefined {
  if (mfaEnabled || groupsRequiringMfa.length === 0) return undefined;
  return forbidden(
    `MFA is required in group ${groupsRequiringMfa[0]}: enrol an authenticator with POST /auth/mfa/totp/setup and /auth/mfa/totp/verify`,
  );
}

/** Does a group's effective configuration require MFA (`security.mfaRequired: true`)? */
export function configurationRequiresMfa(configuration: Record<string, unknown>): boolean {
  return (configuration.security as { mfaRequired?: unknown } | undefined)?.mfaRequired === true;
}
