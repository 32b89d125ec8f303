/**
 * The one place a route's access rule is enforced. A role required at a path's group that
 * the caller lacks is reported as 404, so a caller cannot learn what exists outside their reach.
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
  if (!roleSatisfies(resolveRole(caller.memberships, groupId)?.role, access.role)) {
    throw notFound(`Group ${groupId} not found`);
  }
}
