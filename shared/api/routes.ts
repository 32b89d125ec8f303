/**
 * The route manifest: the one list of routes. The CDK stack, the local gateway and the
 * OpenAPI generator all read it; adding a route is one entry here plus one handler file.
 */
import { z } from 'zod';
import { defineRoute, type RouteDefinition } from './routeDefinition.ts';
import { challengeBody, loginBody, loginResponse, refreshBody, tokensSchema } from './schemas/auth.ts';
import {
  createGroupBody,
  getGroupQuery,
  groupListSchema,
  groupPathParams,
  groupSchema,
  listGroupsQuery,
  updateGroupBody,
} from './schemas/groups.ts';
import { tagValuesPathParams, tagValuesQuery, tagValuesSchema } from './schemas/tagValues.ts';
import {
  emailPathParams,
  invitationPathParams,
  inviteUserBody,
  listUsersQuery,
  meSchema,
  updateUserBody,
  userListSchema,
  userSchema,
} from './schemas/users.ts';

export const routes = {
  health: defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    handler: 'health/getHealth',
    summary: 'Liveness check',
    tag: 'Health',
    access: { kind: 'public' },
    request: {},
    success: { status: 200, description: 'The service answers', schema: z.object({ status: z.literal('ok') }) },
    permissions: { table: 'none' },
  }),

  login: defineRoute({
    operationId: 'login',
    method: 'POST',
    path: '/auth/login',
    handler: 'auth/login',
    summary: 'Log in with email and password',
    description:
      'Returns tokens, or a challenge to answer with `POST /auth/challenge` (a new password on first login, or a TOTP code). ' +
      'An unknown email and a wrong password give the same 401.',
    tag: 'Authentication',
    access: { kind: 'public' },
    request: { body: loginBody },
    success: { status: 200, description: 'Tokens, or a challenge', schema: loginResponse },
    errors: { 401: 'Incorrect email or password' },
  }),

  answerChallenge: defineRoute({
    operationId: 'answerChallenge',
    method: 'POST',
    path: '/auth/challenge',
    handler: 'auth/answerChallenge',
    summary: 'Answer a login challenge',
    tag: 'Authentication',
    access: { kind: 'public' },
    request: { body: challengeBody },
    success: { status: 200, description: 'Tokens, or a further challenge', schema: loginResponse },
    errors: { 401: 'The session or code is not valid' },
  }),

  refresh: defineRoute({
    operationId: 'refreshTokens',
    method: 'POST',
    path: '/auth/refresh',
    handler: 'auth/refresh',
    summary: 'Exchange a refresh token for fresh access and ID tokens',
    tag: 'Authentication',
    access: { kind: 'public' },
    request: { body: refreshBody },
    success: { status: 200, description: 'Fresh tokens', schema: tokensSchema },
    errors: { 401: 'The refresh token is not valid, expired or revoked' },
  }),

  createGroup: defineRoute({
    operationId: 'createGroup',
    method: 'POST',
    path: '/groups',
    handler: 'groups/createGroup',
    summary: 'Create a sub-group of the group in context',
    description: 'Creates `<context>/<lower-cased name>`. The new id is also returned in the `x-groupid` header.',
    tag: 'Groups',
    access: { kind: 'role', role: 'admin', at: 'context' },
    request: { body: createGroupBody },
    success: { status: 201, description: 'The new group', schema: groupSchema, headers: { 'x-groupid': 'The new group id' } },
    errors: { 404: 'The group in context does not exist', 409: 'The group already exists, or the group in context is disabled' },
  }),

  listGroups: defineRoute({
    operationId: 'listGroups',
    method: 'GET',
    path: '/groups',
    handler: 'groups/listGroups',
    summary: 'List groups around the group in context',
    description:
      'Default: the direct children of the context. `includeChildGroups=true`: every descendant. ' +
      '`includeParentGroups=true`: the context and its ancestors up to `/`. Both: ancestors first, then descendants. ' +
      'Items omit `configuration`. Pages carry `pagination.lastEvaluatedToken` while more remain.',
    tag: 'Groups',
    access: { kind: 'role', role: 'reader', at: 'context' },
    request: { query: listGroupsQuery },
    success: { status: 200, description: 'A page of groups', schema: groupListSchema },
  }),

  getGroup: defineRoute({
    operationId: 'getGroup',
    method: 'GET',
    path: '/groups/{groupId}',
    handler: 'groups/getGroup',
    summary: 'Get a group with its effective configuration',
    description: 'Readers of the group or of any ancestor may read it. A group you may not see is reported as not found.',
    tag: 'Groups',
    access: { kind: 'role', role: 'reader', at: { pathParam: 'groupId' } },
    request: { params: groupPathParams, query: getGroupQuery },
    success: { status: 200, description: 'The group', schema: groupSchema },
  }),

  updateGroup: defineRoute({
    operationId: 'updateGroup',
    method: 'PATCH',
    path: '/groups/{groupId}',
    handler: 'groups/updateGroup',
    summary: 'Change a group',
    description: 'Admins of the group (or an ancestor). Tags: a null or empty value removes the tag. Configuration: deep merge, null removes a key.',
    tag: 'Groups',
    access: { kind: 'role', role: 'admin', at: { pathParam: 'groupId' } },
    request: { params: groupPathParams, body: updateGroupBody },
    success: { status: 200, description: 'The updated group', schema: groupSchema },
    errors: { 403: 'You can see the group but are not its admin', 409: 'The root group cannot be disabled, or a concurrent change won' },
  }),

  deleteGroup: defineRoute({
    operationId: 'deleteGroup',
    method: 'DELETE',
    path: '/groups/{groupId}',
    handler: 'groups/deleteGroup',
    summary: 'Delete a disabled group with no sub-groups and no members',
    tag: 'Groups',
    access: { kind: 'role', role: 'admin', at: { pathParam: 'groupId' } },
    request: { params: groupPathParams },
    success: { status: 204, description: 'Deleted' },
    errors: { 403: 'You can see the group but are not its admin', 409: 'The group is active, has sub-groups or members, or is the root' },
  }),

  listTagValues: defineRoute({
    operationId: 'listTagValues',
    method: 'GET',
    path: '/tags/{key}',
    handler: 'tags/listTagValues',
    summary: 'List the values of a tag in use within the group in context',
    description: 'Hierarchical values (`region/emea/uk`) are listed one level at a time: `parentValue=region/emea` lists the next level.',
    tag: 'Tags',
    access: { kind: 'role', role: 'reader', at: 'context' },
    request: { params: tagValuesPathParams, query: tagValuesQuery },
    success: { status: 200, description: 'A page of tag values', schema: tagValuesSchema },
  }),

  inviteUser: defineRoute({
    operationId: 'inviteUser',
    method: 'POST',
    path: '/users',
    handler: 'users/inviteUser',
    summary: 'Invite a user, or grant an existing user a role, in the group in context',
    description:
      'A new email becomes an `invited` user with a temporary password (`password`, else generated), delivered by Cognito (locally: `GET /dev/outbox`). ' +
      'Granting again replaces the role. An existing user you administer nowhere must accept the grant first; the answer looks the same either way.',
    tag: 'Users',
    access: { kind: 'role', role: 'admin', at: 'context' },
    request: { body: inviteUserBody },
    success: { status: 201, description: 'The user as you may see them', schema: userSchema },
    errors: { 404: 'The group in context or the default group does not exist, or the default group is not within the user’s groups', 409: 'The group in context is disabled' },
    permissions: { cognito: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminSetUserPassword'] },
  }),

  listUsers: defineRoute({
    operationId: 'listUsers',
    method: 'GET',
    path: '/users',
    handler: 'users/listUsers',
    summary: 'List users with a membership in the group in context',
    description: '`includeChildGroups` adds users beneath it; `includeParentGroups` adds users at its ancestors (listed first). Each user appears once.',
    tag: 'Users',
    access: { kind: 'role', role: 'reader', at: 'context' },
    request: { query: listUsersQuery },
    success: { status: 200, description: 'A page of users', schema: userListSchema },
  }),

  getMe: defineRoute({
    operationId: 'getMe',
    method: 'GET',
    path: '/users/me',
    handler: 'users/getMe',
    summary: 'Your own record: every membership, your invitations, and your role in the group in context',
    tag: 'Users',
    access: { kind: 'authenticated' },
    request: {},
    success: { status: 200, description: 'You', schema: meSchema },
  }),

  acceptInvitation: defineRoute({
    operationId: 'acceptInvitation',
    method: 'POST',
    path: '/users/me/invitations/{groupId}/accept',
    handler: 'users/acceptInvitation',
    summary: 'Accept an invitation to a group',
    tag: 'Users',
    access: { kind: 'authenticated' },
    request: { params: invitationPathParams },
    success: { status: 200, description: 'You, with the new membership', schema: meSchema },
    errors: { 404: 'No such invitation', 409: 'The group is disabled' },
  }),

  getUser: defineRoute({
    operationId: 'getUser',
    method: 'GET',
    path: '/users/{email}',
    handler: 'users/getUser',
    summary: 'Get a user',
    description: 'Visible when the user holds a membership in the group in context, beneath it, or at one of its ancestors; otherwise 404, exactly as for an unknown email.',
    tag: 'Users',
    access: { kind: 'role', role: 'reader', at: 'context' },
    request: { params: emailPathParams },
    success: { status: 200, description: 'The user as you may see them', schema: userSchema },
  }),

  updateUser: defineRoute({
    operationId: 'updateUser',
    method: 'PATCH',
    path: '/users/{email}',
    handler: 'users/updateUser',
    summary: 'Change a user: password (your own), state, default group, tags',
    description:
      '`password`: only your own; your other sessions end. `state`: never your own; needs admin of every group the user belongs to; ' +
      '`disabled` ends every session at once. `defaultGroup` must be one of the user’s groups or beneath one.',
    tag: 'Users',
    access: { kind: 'role', role: 'reader', at: 'context' },
    request: { params: emailPathParams, body: updateUserBody },
    success: { status: 204, description: 'Changed' },
    errors: { 403: 'Not your password, your own state, or not admin of all the user’s groups', 409: 'The last active admin of / cannot be disabled' },
    permissions: {
      cognito: ['cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminUserGlobalSignOut'],
    },
  }),

  revokeUser: defineRoute({
    operationId: 'revokeUser',
    method: 'DELETE',
    path: '/users/{email}',
    handler: 'users/revokeUser',
    summary: 'Revoke a user’s memberships in the group in context and beneath it; delete the user when none is left',
    tag: 'Users',
    access: { kind: 'role', role: 'admin', at: 'context' },
    request: { params: emailPathParams },
    success: { status: 204, description: 'Revoked' },
    errors: { 409: 'No membership in the group in context or beneath it, or the last active admin of /' },
    permissions: { cognito: ['cognito-idp:AdminDeleteUser'] },
  }),
} satisfies Record<string, RouteDefinition>;

export const ROUTES: readonly RouteDefinition[] = Object.values(routes);
