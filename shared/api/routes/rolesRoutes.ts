/** Route manifest entries: custom roles, defined in a group and usable in its subtree. */
import { createRoleBody, rolePathParams, updateRoleBody } from '../schemas/roles.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

export const createRole = /* @__PURE__ */ defineRoute({
  operationId: 'createRole',
  method: 'POST',
  path: '/roles',
  handler: 'roles/createRole',
  summary: 'Define a custom role in the group in context',
  description:
    'Usable in the group and its subtree, in `POST /users` like a built-in role. Actions may use wildcards (`payments:*`). ' +
    'Every action listed must be one your own role in the group in context allows.',
  tag: 'Roles',
  access: { kind: 'action', action: 'iam:roles:create', at: 'context', rules: ['role-within-author-ceiling'] },
  request: { body: createRoleBody },
  success: { status: 201, description: 'The role', schema: 'Role' },
  errors: {
    403: 'Your role in the group in context does not allow `iam:roles:create`, or not every action the role lists',
    409: 'A built-in name, or a role of that name is already defined here or above',
  },
});

export const listRoles = /* @__PURE__ */ defineRoute({
  operationId: 'listRoles',
  method: 'GET',
  path: '/roles',
  handler: 'roles/listRoles',
  summary: 'The roles usable in the group in context',
  tag: 'Roles',
  access: { kind: 'action', action: 'iam:roles:read', at: 'context' },
  request: {},
  success: { status: 200, description: 'Built-in and custom roles', schema: 'RoleList' },
});

export const getRole = /* @__PURE__ */ defineRoute({
  operationId: 'getRole',
  method: 'GET',
  path: '/roles/{name}',
  handler: 'roles/getRole',
  summary: 'A role usable in the group in context',
  tag: 'Roles',
  access: { kind: 'action', action: 'iam:roles:read', at: 'context' },
  request: { params: rolePathParams },
  success: { status: 200, description: 'The role', schema: 'Role' },
});

export const updateRole = /* @__PURE__ */ defineRoute({
  operationId: 'updateRole',
  method: 'PATCH',
  path: '/roles/{name}',
  handler: 'roles/updateRole',
  summary: 'Change a custom role defined in the group in context',
  description:
    'Every action the role lists after the change must be one your own role in the group in context allows.' +
    ' Values already stored change nothing: no write, no audit or change event.',
  tag: 'Roles',
  access: { kind: 'action', action: 'iam:roles:update', at: 'context', rules: ['role-within-author-ceiling'] },
  request: { params: rolePathParams, body: updateRoleBody },
  success: { status: 200, description: 'The role', schema: 'Role' },
  errors: { 403: 'Your role in the group in context does not allow `iam:roles:update`, or not every action the role lists' },
});

export const deleteRole = /* @__PURE__ */ defineRoute({
  operationId: 'deleteRole',
  method: 'DELETE',
  path: '/roles/{name}',
  handler: 'roles/deleteRole',
  summary: 'Delete a custom role defined in the group in context',
  tag: 'Roles',
  access: { kind: 'action', action: 'iam:roles:delete', at: 'context' },
  request: { params: rolePathParams },
  success: { status: 204, description: 'Deleted' },
  errors: { 409: 'The role is in use' },
});

export const rolesRoutes = {
  createRole,
  listRoles,
  getRole,
  updateRole,
  deleteRole,
} satisfies Record<string, RouteDefinition>;
