/**
 * What each function may send to AWS, and nothing more: the CDK stack grants exactly this
 * (infrastructure/aws/functionGrants.ts), and the integration suite records what every function
 * really sends and fails on any difference either way (test/integration/last/leastPrivilege.test.ts).
 *
 * - `reads`: DynamoDB read actions on the table; `queriesIndexes` adds its indexes.
 * - `writes`: DynamoDB write actions, allowed only on the partition families listed (`USER#` is
 *   every `USER#...` partition). IAM authorizes each item of a transaction as its single-item
 *   action, so a transaction needs the Put/Update/Delete it contains, on those partitions.
 * - `cognito`: Cognito admin actions on the user pool. Calls made with a user's token or the public
 *   client id (InitiateAuth, SignUp, RevokeToken, ...) need no grant and are not listed.
 * - `cognitoOnAws`: admin actions the emulator lacks (the service skips them locally), so no local
 *   run can record them; each is named in the identity adapter where it is skipped.
 */
import type { RouteDefinition } from './routeDefinition.ts';
import { routes } from './routes.ts';

export type ReadAction = 'GetItem' | 'BatchGetItem' | 'Query';
export type WriteAction = 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem';
export type CognitoAdminAction = `Admin${string}`;

export interface FunctionPermissions {
  reads?: readonly ReadAction[];
  queriesIndexes?: true;
  writes?: { actions: readonly WriteAction[]; partitions: readonly string[] };
  cognito?: readonly CognitoAdminAction[];
  cognitoOnAws?: readonly CognitoAdminAction[];
}

export type RouteFunction = keyof typeof routes;
/** Functions that are not routes: the authorizer and the Cognito triggers. */
export type OtherFunction = 'authorizer' | 'preSignUp' | 'postConfirmation';

const NONE: FunctionPermissions = {};
const PUT_UPDATE = ['PutItem', 'UpdateItem'] as const;
const PUT_UPDATE_DELETE = ['PutItem', 'UpdateItem', 'DeleteItem'] as const;
/** A login: lockout counters, login history, the refresh token's hash, the user's activation, their audit events. */
const LOGIN_WRITES = { actions: PUT_UPDATE, partitions: ['AUDIT#', 'LOCKOUT#', 'LOGINS#', 'REFRESH#', 'USER#'] } as const;
/** Recording a second factor: the profile, the session's method and their audit event. */
const SESSION_WRITES = { actions: PUT_UPDATE, partitions: ['AUDIT#', 'USER#'] } as const;
/** Ending sessions: their items deleted, the profile's version and the audit event. */
const SESSION_ENDING = { actions: PUT_UPDATE_DELETE, partitions: ['AUDIT#', 'USER#'] } as const;

export const FUNCTION_PERMISSIONS: Record<RouteFunction | OtherFunction, FunctionPermissions> = {
  authorizer: { reads: ['Query'] },
  preSignUp: NONE,
  postConfirmation: {
    reads: ['GetItem', 'Query'],
    writes: { actions: PUT_UPDATE_DELETE, partitions: ['AUDIT#', 'GROUP#', 'SIGNUP#', 'USER#'] },
  },

  health: NONE,
  login: { reads: ['BatchGetItem', 'GetItem'], writes: LOGIN_WRITES },
  answerChallenge: { reads: ['BatchGetItem', 'GetItem'], writes: LOGIN_WRITES },
  refresh: { reads: ['GetItem'], writes: { actions: ['UpdateItem'], partitions: ['USER#'] } },
  logout: { reads: ['GetItem', 'Query'], writes: { actions: PUT_UPDATE_DELETE, partitions: ['AUDIT#', 'REFRESH#', 'USER#'] } },
  forgotPassword: { reads: ['GetItem'] },
  resetPassword: { reads: ['GetItem', 'Query'], writes: SESSION_ENDING, cognitoOnAws: ['AdminUserGlobalSignOut'] },
  setUpTotp: { reads: ['GetItem'] },
  verifyTotp: { reads: ['GetItem'], writes: SESSION_WRITES },

  checkAuthorization: { reads: ['BatchGetItem'] },
  checkAuthorizationBatch: { reads: ['BatchGetItem'] },
  getPermissions: { reads: ['BatchGetItem'] },

  docsPage: NONE,
  docsFile: NONE,
  openApiDocument: NONE,
  startLogin: NONE,
  finishLogin: { reads: ['GetItem'], writes: { actions: ['PutItem'], partitions: ['AUDIT#', 'USER#'] } },

  createGroup: {
    reads: ['BatchGetItem', 'GetItem'],
    writes: { actions: PUT_UPDATE, partitions: ['AUDIT#', 'GROUP#', 'TAGUSE#'] },
  },
  listGroups: { reads: ['BatchGetItem', 'Query'], queriesIndexes: true },
  getGroup: { reads: ['BatchGetItem'] },
  updateGroup: {
    reads: ['BatchGetItem', 'GetItem'],
    writes: { actions: PUT_UPDATE, partitions: ['AUDIT#', 'GROUP#', 'TAGUSE#'] },
  },
  deleteGroup: {
    reads: ['BatchGetItem', 'GetItem'],
    writes: { actions: PUT_UPDATE_DELETE, partitions: ['AUDIT#', 'GROUP#', 'TAGUSE#'] },
  },
  listTagValues: { reads: ['BatchGetItem', 'Query'] },

  createRole: { reads: ['BatchGetItem'], writes: { actions: ['PutItem'], partitions: ['AUDIT#', 'ROLE#'] } },
  listRoles: { reads: ['BatchGetItem', 'Query'] },
  getRole: { reads: ['BatchGetItem'] },
  updateRole: { reads: ['BatchGetItem'], writes: { actions: PUT_UPDATE, partitions: ['AUDIT#', 'ROLE#'] } },
  deleteRole: { reads: ['BatchGetItem'], writes: { actions: ['PutItem', 'DeleteItem'], partitions: ['AUDIT#', 'ROLE#'] } },

  signUp: { writes: { actions: PUT_UPDATE, partitions: ['SIGNUP#', 'SIGNUPS#'] } },
  confirmSignUp: NONE,
  createTenant: {
    reads: ['BatchGetItem', 'GetItem', 'Query'],
    writes: { actions: PUT_UPDATE, partitions: ['AUDIT#', 'GROUP#', 'OUTBOX', 'USER#'] },
    cognito: ['AdminCreateUser', 'AdminDeleteUser', 'AdminGetUser'],
  },
  updateTenant: { reads: ['BatchGetItem', 'GetItem'], writes: { actions: PUT_UPDATE, partitions: ['AUDIT#', 'GROUP#'] } },

  inviteUser: {
    reads: ['BatchGetItem', 'GetItem', 'Query'],
    writes: { actions: PUT_UPDATE, partitions: ['AUDIT#', 'GROUP#', 'OUTBOX', 'ROLE#', 'TAGUSE#', 'USER#'] },
    cognito: ['AdminCreateUser', 'AdminDeleteUser', 'AdminGetUser'],
  },
  listUsers: { reads: ['BatchGetItem', 'Query'], queriesIndexes: true },
  getMe: { reads: ['BatchGetItem', 'Query'] },
  acceptInvitation: {
    reads: ['BatchGetItem', 'GetItem', 'Query'],
    writes: { actions: PUT_UPDATE, partitions: ['AUDIT#', 'GROUP#', 'TAGUSE#', 'USER#'] },
  },
  getUser: { reads: ['BatchGetItem', 'Query'] },
  updateUser: {
    reads: ['BatchGetItem', 'GetItem', 'Query'],
    queriesIndexes: true,
    writes: { actions: PUT_UPDATE_DELETE, partitions: ['AUDIT#', 'GUARD#', 'LOCKOUT#', 'TAGUSE#', 'USER#'] },
    cognito: ['AdminDisableUser', 'AdminEnableUser', 'AdminSetUserPassword'],
    cognitoOnAws: ['AdminUserGlobalSignOut'],
  },
  revokeUser: {
    reads: ['BatchGetItem', 'GetItem', 'Query'],
    queriesIndexes: true,
    writes: { actions: PUT_UPDATE_DELETE, partitions: ['AUDIT#', 'GROUP#', 'GUARD#', 'ROLE#', 'TAGUSE#', 'USER#'] },
    cognito: ['AdminDeleteUser'],
  },
  endUserSessions: { reads: ['BatchGetItem', 'Query'], writes: SESSION_ENDING, cognitoOnAws: ['AdminUserGlobalSignOut'] },
  listUserSessions: { reads: ['BatchGetItem', 'Query'] },
  endUserSession: {
    reads: ['BatchGetItem', 'Query'],
    writes: { actions: ['PutItem', 'DeleteItem'], partitions: ['AUDIT#', 'USER#'] },
  },
  getLoginHistory: { reads: ['BatchGetItem', 'Query'] },

  listAuditEvents: { reads: ['BatchGetItem', 'Query'], queriesIndexes: true },
  exportAuditEvents: { reads: ['BatchGetItem', 'Query'], queriesIndexes: true },
  getAuditEvent: { reads: ['BatchGetItem', 'Query'], queriesIndexes: true },
};

const BY_OPERATION = new Map<string, FunctionPermissions>(
  Object.entries(routes).map(([name, route]) => [route.operationId, FUNCTION_PERMISSIONS[name as RouteFunction]]),
);

export function routePermissions(route: Pick<RouteDefinition, 'operationId'>): FunctionPermissions {
  const permissions = BY_OPERATION.get(route.operationId);
  if (!permissions) throw new Error(`No permissions declared for ${route.operationId}`);
  return permissions;
}
