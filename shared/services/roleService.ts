/**
 * Custom roles: defined in a group, usable in its subtree, named in memberships like the
 * built-in roles. Only someone whose own role there allows every action a role lists may define
 * or change it, so no role is wider than its author. A role in use cannot be deleted.
 */
import { selfAndAncestors } from '../domain/groupPath.ts';
import { BUILT_IN_ROLE_ACTIONS } from '../domain/access/permissions.ts';
import { isBuiltInRole, ROLES } from '../domain/roles.ts';
import type { Caller } from '../domain/caller.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { changesNothing } from '../events/changedFields.ts';
import { assertMayDefineRole } from './access/grantCeiling.ts';
import { timestampOf } from './clock.ts';
import type { RoleDependencies, StoredRole } from './roles/roleCatalog.ts';

interface Mutation {
  caller: Caller;
  requestId: string;
}

export interface RoleView {
  name: string;
  builtIn: boolean;
  actions: string[];
  description?: string;
  definedAt?: string;
  inUse?: number;
}

const view = (role: StoredRole): RoleView => ({
  name: role.name,
  builtIn: false,
  actions: role.actions,
  description: role.description,
  definedAt: role.definedAt,
  inUse: role.useCount,
});

export async function createRole(
  deps: RoleDependencies,
  { caller, requestId }: Mutation,
  request: { name: string; description?: string; actions: string[] },
): Promise<RoleView> {
  const groupId = caller.groupContextId;
  if (isBuiltInRole(request.name)) throw conflict(`${request.name} is a built-in role`);
  await assertMayDefineRole(deps.decisionInputs, caller.memberships, groupId, request.actions);
  const existing = await deps.roles.usableAt(groupId, request.name);
  if (existing) throw conflict(`Role ${request.name} is already defined at ${existing.definedAt}`);
  const at = timestampOf(deps);
  const role = {
    name: request.name,
    description: request.description,
    actions: request.actions,
    definedAt: groupId,
    createdBy: caller.email,
    createdAt: at,
  };
  const inserted = await deps.roles.insert(role, {
    actor: caller.email,
    action: 'role.created',
    targetType: 'group',
    targetId: groupId,
    after: role,
    at,
    requestId,
  });
  if (!inserted) throw conflict(`Role ${request.name} is already defined at ${groupId}`);
  return view({ ...role, useCount: 0 });
}

/** The roles usable in the group: the built-ins, and custom roles defined in it or above it. */
export async function listRoles(deps: RoleDependencies, groupId: string): Promise<RoleView[]> {
  const defined = (
    await Promise.all(
      selfAndAncestors(groupId)
        .reverse()
        .map((id) => deps.roles.definedAt(id)),
    )
  ).flat();
  return [...ROLES.map((name) => ({ name, builtIn: true, actions: BUILT_IN_ROLE_ACTIONS[name].patterns })), ...defined.map(view)];
}

export async function getRole(deps: RoleDependencies, groupId: string, name: string): Promise<RoleView> {
  if (isBuiltInRole(name)) return { name, builtIn: true, actions: BUILT_IN_ROLE_ACTIONS[name].patterns };
  const role = await deps.roles.usableAt(groupId, name);
  if (!role) throw notFound(`Role ${name} not found`);
  return view(role);
}

/** Only where it is defined: a role is changed or deleted in the group that owns it. */
async function ownedRole(deps: RoleDependencies, groupId: string, name: string): Promise<StoredRole> {
  const role = isBuiltInRole(name) ? undefined : await deps.roles.usableAt(groupId, name);
  if (!role || role.definedAt !== groupId) throw notFound(`Role ${name} is not defined at ${groupId}`);
  return role;
}

export async function changeRole(
  deps: RoleDependencies,
  { caller, requestId }: Mutation,
  name: string,
  changes: { description?: string; actions?: string[] },
): Promise<RoleView> {
  const before = await ownedRole(deps, caller.groupContextId, name);
  await assertMayDefineRole(deps.decisionInputs, caller.memberships, before.definedAt, changes.actions ?? before.actions);
  const at = timestampOf(deps);
  const after: StoredRole = { ...before, ...changes, updatedBy: caller.email, updatedAt: at };
  if (changesNothing(before, after)) return view(before);
  await deps.roles.replace(after, {
    actor: caller.email,
    action: 'role.updated',
    targetType: 'group',
    targetId: before.definedAt,
    before,
    after,
    at,
    requestId,
  });
  return view(after);
}

export async function deleteRole(deps: RoleDependencies, { caller, requestId }: Mutation, name: string): Promise<void> {
  const role = await ownedRole(deps, caller.groupContextId, name);
  const removed = await deps.roles.removeUnused(role, {
    actor: caller.email,
    action: 'role.deleted',
    targetType: 'group',
    targetId: role.definedAt,
    before: role,
    at: timestampOf(deps),
    requestId,
  });
  if (!removed) throw conflict(`Role ${name} is in use by ${role.useCount} membership(s); revoke or change them first`);
}
