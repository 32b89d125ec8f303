/**
 * Route manifest entries: Users and memberships. One export per route, each marked pure, so a
 * handler that imports its own route (`routes.inviteUser`) bundles none of the other entries.
 */
import {
  emailPathParams,
  revokeUserQuery,
  invitationPathParams,
  inviteUserBody,
  listUsersQuery,
  loginHistoryQuery,
  updateUserBody,
} from '../schemas/users.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';
import { sessionPathParams, sessionsQuery } from '../schemas/sessions.ts';

export const inviteUser = /* @__PURE__ */ defineRoute({
  operationId: 'inviteUser',
  method: 'POST',
  path: '/users',
  handler: 'users/inviteUser',
  summary: 'Invite a user, or grant an existing user a role, in the group in context',
  description:
    'A new email becomes an `invited` user with a temporary password (`password`, else generated), delivered by Cognito (locally: `GET /dev/outbox`). ' +
    'Granting again replaces the role. An existing user you administer nowhere must accept the grant first; the answer looks the same either way. ' +
    'No grant exceeds its granter: you may grant only a role whose every action your own role in the group in context allows (admin grants any role).',
  tag: 'Users',
  access: {
    kind: 'action',
    action: 'iam:users:invite',
    at: 'context',
    rules: ['grant-within-granter-ceiling', 'grant-pending-unless-manager-of-a-user-group'],
  },
  request: { body: inviteUserBody },
  success: { status: 201, description: 'The user as you may see them', schema: 'User' },
  errors: {
    404: 'The group in context or the default group does not exist, or the default group is not within the user’s groups',
    403: 'Your role in the group in context does not allow `iam:users:invite`, or does not allow every action of the role granted',
    409: 'The group in context is disabled',
  },
});

export const listUsers = /* @__PURE__ */ defineRoute({
  operationId: 'listUsers',
  method: 'GET',
  path: '/users',
  handler: 'users/listUsers',
  summary: 'List users with a membership in the group in context',
  description:
    '`includeChildGroups` adds users beneath it; `includeParentGroups` adds users at its ancestors (listed first). Each user appears once.',
  tag: 'Users',
  access: { kind: 'action', action: 'iam:users:read', at: 'context' },
  request: { query: listUsersQuery },
  success: { status: 200, description: 'A page of users', schema: 'UserList' },
});

export const getMe = /* @__PURE__ */ defineRoute({
  operationId: 'getMe',
  method: 'GET',
  path: '/users/me',
  handler: 'users/getMe',
  summary: 'Your own record: every membership, your invitations, and your role in the group in context',
  tag: 'Users',
  access: { kind: 'authenticated' },
  request: {},
  success: { status: 200, description: 'You', schema: 'Me' },
});

export const acceptInvitation = /* @__PURE__ */ defineRoute({
  operationId: 'acceptInvitation',
  method: 'POST',
  path: '/users/me/invitations/{groupId}/accept',
  handler: 'users/acceptInvitation',
  summary: 'Accept an invitation to a group',
  description:
    'The invitation’s sender must still be allowed, at the time of acceptance, to invite at the group and to grant its role there.',
  tag: 'Users',
  access: { kind: 'authenticated', rules: ['grant-within-granter-ceiling'] },
  request: { params: invitationPathParams },
  success: { status: 200, description: 'You, with the new membership', schema: 'Me' },
  errors: {
    403: 'Your email address is not proved yet, or the invitation’s sender may no longer invite at the group or grant its role',
    404: 'No such invitation',
    409: 'The group is disabled',
  },
});

export const getUser = /* @__PURE__ */ defineRoute({
  operationId: 'getUser',
  method: 'GET',
  path: '/users/{email}',
  handler: 'users/getUser',
  summary: 'Get a user',
  description:
    'Visible when the user holds a membership in the group in context, beneath it, or at one of its ancestors; otherwise 404, exactly as for an unknown email.',
  tag: 'Users',
  access: { kind: 'action', action: 'iam:users:read', at: 'context', rules: ['user-visible-in-context'] },
  request: { params: emailPathParams },
  success: { status: 200, description: 'The user as you may see them', schema: 'User' },
});

export const updateUser = /* @__PURE__ */ defineRoute({
  operationId: 'updateUser',
  method: 'PATCH',
  path: '/users/{email}',
  handler: 'users/updateUser',
  summary: 'Change a user: password (your own), state, default group, tags',
  description:
    '`password`: only your own, with your access token, and with `currentPassword` unless your session logged in within the last 5 minutes; ' +
    'your other sessions end. `state`: never your own; needs admin of every group the user belongs to; ' +
    '`disabled` ends every session at once. `defaultGroup` must be one of the user’s groups or beneath one.' +
    ' Values already stored change nothing: no write, no audit or change event.',
  tag: 'Users',
  access: {
    kind: 'action',
    action: 'iam:users:read',
    at: 'context',
    rules: ['user-visible-in-context', 'own-password-only', 'manager-of-all-user-groups-to-change-state-tags-default-group'],
  },
  request: { params: emailPathParams, body: updateUserBody },
  success: { status: 204, description: 'Changed' },
  errors: {
    403: 'Not your password, your own state, or not admin of all the user’s groups; an ID token; a stale session without (the right) currentPassword',
    409: 'The last active admin of / cannot be disabled',
  },
});

export const revokeUser = /* @__PURE__ */ defineRoute({
  operationId: 'revokeUser',
  method: 'DELETE',
  path: '/users/{email}',
  handler: 'users/revokeUser',
  summary:
    'Revoke a user’s membership in the group in context (with includeChildGroups=true, also beneath it); delete the user when none is left',
  tag: 'Users',
  access: { kind: 'action', action: 'iam:users:revoke', at: 'context', rules: ['user-visible-in-context'] },
  request: { params: emailPathParams, query: revokeUserQuery },
  success: { status: 204, description: 'Revoked' },
  errors: {
    409: 'Not a member of the group in context (or, with includeChildGroups=true, of any group beneath it), or the last active admin of /',
  },
});

export const endUserSessions = /* @__PURE__ */ defineRoute({
  operationId: 'endUserSessions',
  method: 'DELETE',
  path: '/users/{email}/sessions',
  handler: 'users/endUserSessions',
  summary: 'End every session of a user',
  description:
    'The user themself, or an admin of every group the user belongs to. Their tokens fail at the next uncached decision; refresh tokens stop working.',
  tag: 'Users',
  access: {
    kind: 'action',
    action: 'iam:users:read',
    at: 'context',
    rules: ['user-visible-in-context', 'self-or-manager-of-all-user-groups'],
  },
  request: { params: emailPathParams },
  success: { status: 204, description: 'Sessions ended' },
  errors: { 403: 'Neither the user nor an admin of all their groups' },
});

export const listUserSessions = /* @__PURE__ */ defineRoute({
  operationId: 'listUserSessions',
  method: 'GET',
  path: '/users/{email}/sessions',
  handler: 'users/listUserSessions',
  summary: 'A user’s live sessions, newest login first',
  description:
    'One per login the service opened (`/auth/login`, `/auth/challenge`, the hosted login page), with how it was authenticated, ' +
    'when it was last refreshed and where from. `current: true` marks the session of the token that asked. ' +
    'The user themself, or an admin of every group the user belongs to.',
  tag: 'Users',
  access: {
    kind: 'action',
    action: 'iam:users:read',
    at: 'context',
    rules: ['user-visible-in-context', 'self-or-manager-of-all-user-groups'],
  },
  request: { params: emailPathParams, query: sessionsQuery },
  success: { status: 200, description: 'A page of sessions', schema: 'Sessions' },
  errors: { 403: 'Neither the user nor an admin of all their groups' },
});

export const endUserSession = /* @__PURE__ */ defineRoute({
  operationId: 'endUserSession',
  method: 'DELETE',
  path: '/users/{email}/sessions/{sessionId}',
  handler: 'users/endUserSession',
  summary: 'End one session of a user',
  description:
    'Its tokens fail at the next uncached decision and its refresh tokens stop working; the user’s other sessions go on. ' +
    'The user themself, or an admin of every group the user belongs to.',
  tag: 'Users',
  access: {
    kind: 'action',
    action: 'iam:users:read',
    at: 'context',
    rules: ['user-visible-in-context', 'self-or-manager-of-all-user-groups'],
  },
  request: { params: sessionPathParams },
  success: { status: 204, description: 'Session ended' },
  errors: { 403: 'Neither the user nor an admin of all their groups' },
});

export const getLoginHistory = /* @__PURE__ */ defineRoute({
  operationId: 'getLoginHistory',
  method: 'GET',
  path: '/users/{email}/logins',
  handler: 'users/getLoginHistory',
  summary: 'Login history: every attempt with time, source IP, user agent and outcome, newest first',
  tag: 'Users',
  access: {
    kind: 'action',
    action: 'iam:users:read',
    at: 'context',
    rules: ['user-visible-in-context', 'self-or-manager-of-all-user-groups'],
  },
  request: { params: emailPathParams, query: loginHistoryQuery },
  success: { status: 200, description: 'A page of login attempts', schema: 'LoginHistory' },
  errors: { 403: 'Neither the user nor an admin of all their groups' },
});

export const usersRoutes = {
  inviteUser,
  listUsers,
  getMe,
  acceptInvitation,
  getUser,
  updateUser,
  revokeUser,
  endUserSessions,
  listUserSessions,
  endUserSession,
  getLoginHistory,
} satisfies Record<string, RouteDefinition>;
