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
import { auditEventPut } from '../store/audit.ts';
import type { TableRef } from '../store/client.ts';
import {
  deleteUnusedRole,
  findUsableRole,
  putNewRole,
  queryRolesDefinedAt,
  updateRole,
  type StoredRole,
} from '../store/roleStore.ts';
import { ConditionFailedError, writeTransaction } from '../store/transactions.ts';
import { assertMayDefineRole } from './access/grantCeiling.ts';
import { tableDecisionInputs } from './access/tableDecisionInputs.ts';
import { timestampOf } from './clock.ts';

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
  table: TableRef,
  { caller, requestId }: Mutation,
  request: { name: string; description?: string; actions: string[] },
): Promise<RoleView> {
  const groupId = caller.groupContextId;
  if (isBuiltInRole(request.name)) throw conflict(`${request.name} is a built-in role`);
  await assertMayDefineRole(
    tableDecisionInputs(() => table),
    caller.memberships,
    groupId,
    request.actions,
  );
  const existing = await findUsableRole(table, groupId, request.name);
  if (existing) throw conflict(`Role ${request.name} is already defined at ${existing.definedAt}`);
  const at = timestampOf();
  const role = {
    name: request.name,
    description: request.description,
    actions: request.actions,
    definedAt: groupId,
    createdBy: caller.email,
    createdAt: at,
  };
  try {
    await writeTransaction(table, [
      putNewRole(table.tableName, role),
      auditEventPut(table.tableName, {
        actor: caller.email,
        action: 'role.created',
        targetType: 'group',
        targetId: groupId,
        after: role,
        at,
        requestId,
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError) throw conflict(`Role ${request.name} is already defined at ${groupId}`);
    throw error;
  }
  return view({ ...role, useCount: 0 });
}

/** The roles usable in the group: the built-ins, and custom roles defined in it or above it. */
export async function listRoles(table: TableRef, groupId: string): Promise<RoleView[]> {
  const defined = (
    await Promise.all(
      selfAndAncestors(groupId)
        .reverse()
        .map((id) => queryRolesDefinedAt(table, id)),
    )
  ).flat();
  return [...ROLES.map((name) => ({ name, builtIn: true, actions: BUILT_IN_ROLE_ACTIONS[name].patterns })), ...defined.map(view)];
}

export async function getRole(table: TableRef, groupId: string, name: string): Promise<RoleView> {
  if (isBuiltInRole(name)) return { name, builtIn: true, actions: BUILT_IN_ROLE_ACTIONS[name].patterns };
  const role = await findUsableRole(table, groupId, name);
  if (!role) throw notFound(`Role ${name} not found`);
  return view(role);
}

/** Only where it is defined: a role is changed or deleted in the group that owns it. */
async function ownedRole(table: TableRef, groupId: string, name: string): Promise<StoredRole> {
  const role = isBuiltInRole(name) ? undefined : await findUsableRole(table, groupId, name);
  if (!role || role.definedAt !== groupId) throw notFound(`Role ${name} is not defined at ${groupId}`);
  return role;
}

export async function changeRole(
  table: TableRef,
  { caller, requestId }: Mutation,
  name: string,
  changes: { description?: string; actions?: string[] },
): Promise<RoleView> {
  const before = await ownedRole(table, caller.groupContextId, name);
  await assertMayDefineRole(
    tableDecisionInputs(() => table),
    caller.memberships,
    before.definedAt,
    changes.actions ?? before.actions,
  );
  const at = timestampOf();
  const after: StoredRole = { ...before, ...changes, updatedBy: caller.email, updatedAt: at };
  await writeTransaction(table, [
    updateRole(table.tableName, after),
    auditEventPut(table.tableName, {
      actor: caller.email,
      action: 'role.updated',
      targetType: 'group',
      targetId: before.definedAt,
      before,
      after,
      at,
      requestId,
    }),
  ]);
  return view(after);
}

export async function deleteRole(table: TableRef, { caller, requestId }: Mutation, name: string): Promise<void> {
  const role = await ownedRole(table, caller.groupContextId, name);
  try {
    await writeTransaction(table, [
      deleteUnusedRole(table.tableName, role.definedAt, name),
      auditEventPut(table.tableName, {
        actor: caller.email,
        action: 'role.deleted',
        targetType: 'group',
        targetId: role.definedAt,
        before: role,
        at: timestampOf(),
        requestId,
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError)
      throw conflict(`Role ${name} is in use by ${role.useCount} membership(s); revoke or change them first`);
    throw error;
  }
}
