/**
 * The one place a route's access rule is enforced, for the route wrapper: it gathers the inputs
 * (the custom role definition that decides; then, for an allowed caller without MFA, the MFA
 * requirements of the group in context and the route's group, in one batched read), and applies
 * the pure rules of domain/access/routeRule.ts. Routes that need only a login apply no role or MFA rule, so a
 * member can still reach their own record and enrol MFA.
 */
import type { Access } from '../../api/routeDefinition.ts';
import type { Caller } from '../../domain/caller.ts';
import { actionRefusal, mfaRefusal, type RuleTarget } from '../../domain/access/routeRule.ts';
import { customRolesFor, type DecisionInputs } from './decisionInputs.ts';

/** The group a route's action applies to: the context, a fixed group, or the group named in the path. */
export function ruleTarget(access: Access & { kind: 'action' }, caller: Caller, params: unknown): RuleTarget {
  if (access.at === 'context') return { where: 'context', groupId: caller.groupContextId };
  if ('group' in access.at) return { where: 'fixed', groupId: access.at.group };
  return { where: 'path', groupId: String((params as Record<string, unknown>)[access.at.pathParam]) };
}

export async function guardRoute(
  inputs: DecisionInputs,
  access: Access,
  request: { caller: Caller | undefined; params: unknown },
): Promise<void> {
  if (access.kind !== 'action') return;
  const caller = request.caller!;
  const target = ruleTarget(access, caller, request.params);
  const customRoles = await customRolesFor(inputs, caller.memberships, [target.groupId]);
  const refusal = actionRefusal(caller.memberships, target, access.action, customRoles);
  if (refusal) throw refusal;
  // Only an allowed caller who has not enrolled costs the MFA read (cached per group).
  if (caller.mfaEnabled) return;
  const mfa = mfaRefusal(caller.mfaEnabled, await inputs.groupsRequiringMfa([caller.groupContextId, target.groupId]));
  if (mfa) throw mfa;
}
