/** Route manifest entries: the access decision point for the bank's other services. */
import { checkBatchBody, checkSchema, permissionsQuery } from '../schemas/authorizations.ts';
import { emailPathParams } from '../schemas/users.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

export const checkAuthorization = /* @__PURE__ */ defineRoute({
  operationId: 'checkAuthorization',
  method: 'POST',
  readOnly: true,
  path: '/authorizations/check',
  handler: 'authorizations/checkAuthorization',
  summary: 'May this person do this action here?',
  description:
    'Checks you, or (with `iam:users:read` in the group in context) someone visible there. `groupId` defaults to the group in context. ' +
    'The deepest membership on the path to the group decides; a disabled user, or a group requiring MFA the user lacks, is refused. ' +
    'Checking someone else at a group where you lack `iam:users:read` gets exactly the answer for an unknown email; ' +
    'checking someone else without MFA where the groups involved require it is refused (403).',
  tag: 'Authorizations',
  access: { kind: 'authenticated', rules: ['users-read-in-context-to-check-others'] },
  request: { body: checkSchema },
  success: { status: 200, description: 'The decision', schema: 'Decision' },
  errors: {
    403: 'Checking someone else needs `iam:users:read` in the group in context, and MFA where the groups involved require it',
  },
});

export const checkAuthorizationBatch = /* @__PURE__ */ defineRoute({
  operationId: 'checkAuthorizationBatch',
  method: 'POST',
  readOnly: true,
  path: '/authorizations/check-batch',
  handler: 'authorizations/checkAuthorizationBatch',
  summary: 'Up to 100 checks in one call, answered in order',
  description: 'Each check is answered as `POST /authorizations/check` would answer it.',
  tag: 'Authorizations',
  access: { kind: 'authenticated', rules: ['users-read-in-context-to-check-others'] },
  request: { body: checkBatchBody },
  success: { status: 200, description: 'The decisions, in the order asked', schema: 'CheckBatch' },
  errors: {
    403: 'Checking someone else needs `iam:users:read` in the group in context, and MFA where the groups involved require it',
  },
});

export const getPermissions = /* @__PURE__ */ defineRoute({
  operationId: 'getPermissions',
  method: 'GET',
  path: '/users/{email}/permissions',
  handler: 'authorizations/getPermissions',
  summary: 'The actions a user may do at a group',
  description:
    'Someone else needs `iam:users:read` in the group in context and at `groupId`; elsewhere the answer is 404, exactly as for an unknown email.',
  tag: 'Authorizations',
  access: { kind: 'authenticated', rules: ['users-read-in-context-to-check-others', 'user-visible-in-context'] },
  request: { params: emailPathParams, query: permissionsQuery },
  success: {
    status: 200,
    description: 'The role that decides there and the action patterns it allows',
    schema: 'Permissions',
  },
});

export const authorizationsRoutes = {
  checkAuthorization,
  checkAuthorizationBatch,
  getPermissions,
} satisfies Record<string, RouteDefinition>;
