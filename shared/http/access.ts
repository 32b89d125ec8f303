/**
 * The one place a route's access rule is enforced. For a group named in the path: a caller
 * with no role there gets 404, so nobody learns what exists outside their reach; a caller who
 * can see the group but lacks the role gets 403.
 */
import type { Access } from '../api/routeDefinition.ts';
import { resolveRole, roleSatisfies } from '../domain/roles.ts';
import type { Caller } from './caller.ts';
import { forbidden, notFound } from './errors.ts';

export function enforceAccess(access: Access, input: { caller: Caller | undefined; params: unknown }): void {
  if (access.kind !== 'role') return;
  const caller = input.caller!;
  if (access.at === 'context') {
    if (!roleSatisfies(caller.contextRole?.role, access.role)) {
      throw forbidden(`Requires role ${access.role} in group ${caller.groupContextId}`);
    }
    return;
  }
  const groupId = String((input.params as Record<string, unknown>)[access.at.pathParam]);
  const role = resolveRole(caller.memberships, groupId)?.role;
  if (!role) throw notFound(`Group ${groupId} not found`);
  if (!roleSatisfies(role, access.role)) throw forbidden(`Requires role ${access.role} in group ${groupId}`);
}
