/**
 * The one place a route's access rule is enforced: the route names an action, and the caller's
 * role where it acts (the deepest membership on the path) must allow it. For a group named in
 * the path: a caller with no role there gets 404, so nobody learns what exists outside their
 * reach; a caller who can see the group but whose role does not allow the action gets 403.
 */
import type { Access } from '../api/routeDefinition.ts';
import { decide, type CustomRoleLookup } from '../domain/permissions.ts';
import type { Caller } from './caller.ts';
import { forbidden, notFound } from '../domain/errors.ts';

export function enforceAccess(
  access: Access,
  input: { caller: Caller | undefined; params: unknown },
  customRoles?: CustomRoleLookup,
): void {
  if (access.kind !== 'action') return;
  const caller = input.caller!;
  if (access.at === 'context') {
    const decision = decide(caller.memberships, caller.groupContextId, access.action, customRoles);
    if (!decision.allowed)
      throw forbidden(`Not allowed to ${access.action} in group ${caller.groupContextId}: ${decision.reason}`);
    return;
  }
  if ('group' in access.at) {
    const decision = decide(caller.memberships, access.at.group, access.action, customRoles);
    if (!decision.allowed)
      throw forbidden(`Not allowed to ${access.action}: it needs a role at ${access.at.group} that allows it`);
    return;
  }
  const groupId = String((input.params as Record<string, unknown>)[access.at.pathParam]);
  const decision = decide(caller.memberships, groupId, access.action, customRoles);
  if (!decision.role) throw notFound(`Group ${groupId} not found`);
  if (!decision.allowed) throw forbidden(`Not allowed to ${access.action} in group ${groupId}: ${decision.reason}`);
}

/** The group a route's action applies to: the context, a fixed group, or the group named in the path. */
export function accessGroup(access: Access, caller: Caller, params: unknown): string | undefined {
  if (access.kind !== 'action') return undefined;
  if (access.at === 'context') return caller.groupContextId;
  return 'group' in access.at ? access.at.group : String((params as Record<string, unknown>)[access.at.pathParam]);
}
