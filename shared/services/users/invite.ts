/**
 * Inviting: grants `role` in the caller's context. A new email becomes an invited user with a
 * temporary password, emailed by Cognito after the commit. An existing user is granted (grant.ts),
 * so nobody learns which emails exist elsewhere.
 */
import { generatePassword } from '../../config/passwordPolicy.ts';
import { revocationTime } from '../../domain/sessions.ts';
import { compact, nonEmpty } from '../../domain/sparse.ts';
import { auditEventPut } from '../../store/audit.ts';
import type { UserRecord } from '../../store/storedRecords.ts';
import { tagUsageUpdates, userScopes } from '../../store/tagUsageStore.ts';
import { loadUserWithMemberships, putMembership, putNewUser } from '../../store/userStore.ts';
import { assertPasswordPolicy } from '../authService.ts';
import { withOptimisticRetry } from '../optimisticRetry.ts';
import { grantExisting, type GrantRequest } from './grant.ts';
import { assertDefaultGroup, grantableRoleSource, grantRefusal } from './grantChecks.ts';
import { membershipCountUpdates, NOT_YET_COUNTED, roleUseUpdates, writeUserTransaction } from './membershipChange.ts';
import { presentUser, type UserView } from './present.ts';
import { nowOf, type Mutation, type UserDependencies } from './userDependencies.ts';

export type InviteRequest = GrantRequest;

export async function inviteUser(deps: UserDependencies, mutation: Mutation, request: InviteRequest): Promise<UserView> {
  if (request.password !== undefined) assertPasswordPolicy(request.password, 'password');
  const contextId = mutation.caller.groupContextId;
  const roleSource = await grantableRoleSource(deps, mutation.caller, request.role);
  // The user may be created, changed or deleted meanwhile: then read again and decide again.
  return withOptimisticRetry(
    async () => {
      const existing = await loadUserWithMemberships(deps.table, request.email);
      return existing
        ? await grantExisting(deps, mutation, request, existing, roleSource)
        : await createInvitedUser(deps, mutation, request, roleSource);
    },
    {
      explain: () => grantRefusal(deps, contextId),
      exhausted: `User ${request.email} is being changed by another request; try again`,
    },
  );
}

async function createInvitedUser(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  request: InviteRequest,
  roleSource: string | undefined,
): Promise<UserView> {
  const contextId = caller.groupContextId;
  const defaultGroup = request.defaultGroup ?? contextId;
  await assertDefaultGroup(deps, defaultGroup, [contextId]);
  const now = nowOf(deps);
  const at = now.toISOString();
  const user: UserRecord = compact({
    email: request.email,
    state: 'invited',
    defaultGroup,
    tags: nonEmpty(request.tags),
    // No token issued before this profile existed acts for it (an earlier login under this email, see sendInvitation).
    sessionsValidAfter: revocationTime(now),
    createdBy: caller.email,
    createdAt: at,
  });
  await writeUserTransaction(deps.table, [
    ...membershipCountUpdates(deps.table.tableName, { before: [], after: [contextId], activeGroup: contextId }),
    putNewUser(deps.table.tableName, user),
    putMembership(deps.table.tableName, {
      email: request.email,
      groupId: contextId,
      role: request.role,
      ...(roleSource ? { roleDefinedAt: roleSource } : {}),
      createdBy: caller.email,
      createdAt: at,
    }),
    ...roleUseUpdates(deps.table.tableName, [], [{ role: request.role, source: roleSource }]),
    auditEventPut(deps.table.tableName, {
      actor: caller.email,
      action: 'user.invited',
      targetType: 'user',
      targetId: request.email,
      after: { ...user, groups: { [contextId]: request.role } },
      at,
      requestId,
    }),
    ...tagUsageUpdates(deps.table.tableName, 'user', NOT_YET_COUNTED, { scopes: userScopes([contextId]), tags: user.tags ?? {} }),
  ]);
  await sendInvitation(deps, request.email, request.password ?? generatePassword());
  return presentUser({ user, version: 1, memberships: { [contextId]: request.role }, pending: {}, roleSources: {} }, caller);
}

/** Cognito emails the temporary password on AWS; locally the message also lands in the outbox. */
async function sendInvitation(deps: UserDependencies, email: string, temporaryPassword: string): Promise<void> {
  try {
    await deps.identity.createUser(email, { temporaryPassword, invite: true });
  } catch (error) {
    // A login without a profile (left by an interrupted deletion, or made at Cognito directly) is
    // never adopted: it is re-created, so no earlier password or refresh token survives.
    if ((error as Error).name !== 'UsernameExistsException') throw error;
    await deps.identity.deleteUser(email);
    await deps.identity.createUser(email, { temporaryPassword, invite: true });
  }
  await deps.outbox?.({
    to: email,
    kind: 'invitation',
    subject: 'You have been invited to SME IAM',
    body: `Log in with ${email} and the temporary password ${temporaryPassword}; you will be asked to choose a new one.`,
  });
}
