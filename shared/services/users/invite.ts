/**
 * Inviting: grants `role` in the caller's context. The request is checked completely first
 * (invitationChecks.ts), then:
 * - a new email becomes an invited user with a temporary password, emailed by Cognito after the
 *   commit; its first login accepts;
 * - someone the caller manages is granted at once (grant.ts), unless nobody proved the address
 *   and the grant comes from outside its tenants;
 * - anyone else gets an invitation that waits for them to accept, and the caller sees only that
 *   invitation (invitationView.ts): the very answer a new email gets, so nobody learns which
 *   emails exist elsewhere. An unproved address is sent a reset code: its owner proves it, which
 *   ends every earlier session, before any invitation can be accepted.
 */
import { generatePassword } from '../../config/passwordPolicy.ts';
import { conflict } from '../../domain/errors.ts';
import { compact, nonEmpty } from '../../domain/sparse.ts';
import type { MembershipRecord, UserRecord } from '../../store/storedRecords.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { log } from '../../observability/logger.ts';
import { grantTakesEffect } from '../access/userRules.ts';
import { assertPasswordPolicy } from '../authService.ts';
import { withOptimisticRetry } from '../optimisticRetry.ts';
import { grantExisting, type GrantRequest } from './grant.ts';
import { assertDefaultGroup, grantableRoleSource, grantRefusal } from './grantChecks.ts';
import { awaitsProof, checkInvitationTarget, countedInTenant } from './invitationChecks.ts';
import { presentInvitation } from './invitationView.ts';
import { countedTagPlacement } from './membershipChange.ts';
import { presentUser, type UserView } from './present.ts';
import { timestamp, type Mutation, type UserDependencies } from './userDependencies.ts';

export type InviteRequest = GrantRequest;

/** What follows the commit: Cognito's part of a new invited user, or a proof sent to an unproved address. */
type AfterCommit = { kind: 'none' } | { kind: 'login'; temporaryPassword: string } | { kind: 'proof' };

export async function inviteUser(deps: UserDependencies, mutation: Mutation, request: InviteRequest): Promise<UserView> {
  // One fixed order, all before reading anything about the invitee.
  if (request.password !== undefined) assertPasswordPolicy(request.password, 'password');
  const contextId = mutation.caller.groupContextId;
  const roleSource = await grantableRoleSource(deps, mutation.caller, request.role);
  const defaultGroup = request.defaultGroup ?? contextId;
  const { tenantFull } = await checkInvitationTarget(deps, contextId, defaultGroup);

  // The user may be created, changed or deleted meanwhile: then read again and decide again.
  const { view, after } = await withOptimisticRetry(
    async (): Promise<{ view: UserView; after: AfterCommit }> => {
      const existing = await deps.users.user(request.email);
      if (tenantFull && !countedInTenant(existing, contextId)) throw tenantFull;
      if (!existing) return createInvitedUser(deps, mutation, request, roleSource, defaultGroup);
      if (grantTakesEffect(mutation.caller, existing) && !awaitsProof(existing, contextId))
        return { view: await grantExisting(deps, mutation, request, existing, roleSource), after: { kind: 'none' } };
      await assertDefaultGroup(deps, defaultGroup, [contextId]);
      return inviteExisting(deps, mutation, request, existing, roleSource, defaultGroup);
    },
    {
      explain: () => grantRefusal(deps, contextId),
      exhausted: `User ${request.email} is being changed by another request; try again`,
    },
  );
  if (after.kind === 'login') await sendInvitation(deps, request.email, after.temporaryPassword);
  if (after.kind === 'proof') await sendProof(deps, request.email);
  return view;
}

async function createInvitedUser(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  request: InviteRequest,
  roleSource: string | undefined,
  defaultGroup: string,
): Promise<{ view: UserView; after: AfterCommit }> {
  const contextId = caller.groupContextId;
  await assertDefaultGroup(deps, defaultGroup, [contextId]);
  // Someone midway through self sign-up keeps their login: the invitation waits for them instead.
  const signingUp = (await deps.identity.loginStatus(request.email)) === 'UNCONFIRMED';
  const at = timestamp(deps);
  const user: UserRecord = compact({
    email: request.email,
    state: 'invited',
    defaultGroup,
    tags: nonEmpty(request.tags),
    // A password the service generates and emails proves the address when its owner answers the first login with it.
    passwordSentToEmail: request.password === undefined && !signingUp ? true : undefined,
    createdBy: caller.email,
    createdAt: at,
  });
  const membership: MembershipRecord = {
    email: request.email,
    groupId: contextId,
    role: request.role,
    ...(roleSource ? { roleDefinedAt: roleSource } : {}),
    createdBy: caller.email,
    createdAt: at,
  };
  const invitation: MembershipRecord = { ...membership, defaultGroup, tags: user.tags };
  await deps.users.apply({
    groups: { before: [], after: [contextId], joining: contextId },
    profile: { put: user },
    ...(signingUp ? { invitations: [invitation] } : { memberships: [membership] }),
    roleUses: { stopping: [], starting: [{ role: request.role, source: roleSource }] },
    audit: {
      actor: caller.email,
      action: 'user.invited',
      targetType: 'user',
      targetId: request.email,
      after: { ...user, groups: { [contextId]: request.role }, ...(signingUp ? { status: 'pending' } : {}) },
      at,
      requestId,
    },
    // Counted nowhere before; a waiting invitation counts its own tags, as a member's profile does.
    tagPlacement: {
      before: [],
      after: countedTagPlacement(
        signingUp
          ? { user, memberships: {}, invitations: { [contextId]: invitation } }
          : { user, memberships: { [contextId]: request.role } },
      ),
    },
  });
  const view = presentUser(
    { user, version: 1, memberships: { [contextId]: request.role }, pending: {}, roleSources: {} },
    caller,
  );
  return {
    view,
    after: signingUp ? { kind: 'none' } : { kind: 'login', temporaryPassword: request.password ?? generatePassword() },
  };
}

/**
 * An invitation to someone the caller does not manage (or to an unproved address from outside its
 * tenants). It never replaces a membership, and changes nothing the person's other tenants see.
 */
async function inviteExisting(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  request: InviteRequest,
  existing: UserWithMemberships,
  roleSource: string | undefined,
  defaultGroup: string,
): Promise<{ view: UserView; after: AfterCommit }> {
  const contextId = caller.groupContextId;
  if (existing.memberships[contextId])
    throw conflict(`User ${request.email} is already a member of ${contextId}; an invitation never replaces a membership`);
  const at = timestamp(deps);
  const previous = existing.invitations?.[contextId];
  const invitation: MembershipRecord = compact({
    email: request.email,
    groupId: contextId,
    role: request.role,
    roleDefinedAt: roleSource,
    status: 'pending' as const,
    inviteeState: previous?.inviteeState,
    // Inviting again changes the role and the default group, as a grant to an invited user does; tags stay.
    tags: previous ? previous.tags : nonEmpty(request.tags),
    defaultGroup: previous ? (request.defaultGroup ?? previous.defaultGroup) : defaultGroup,
    createdBy: previous?.createdBy ?? caller.email,
    createdAt: previous?.createdAt ?? at,
    updatedBy: previous ? caller.email : undefined,
    updatedAt: previous ? at : undefined,
  });
  const groupsBefore = [...Object.keys(existing.memberships), ...Object.keys(existing.pending)];
  const previousRole = existing.pending[contextId];
  await deps.users.apply({
    groups: { before: groupsBefore, after: [...new Set([...groupsBefore, contextId])], joining: contextId },
    // The profile is unchanged (only its version moves), so the user's other tenants see nothing new.
    profile: { put: existing.user, version: existing.version },
    invitations: [invitation],
    roleUses: {
      stopping: previousRole ? [{ role: previousRole, source: existing.roleSources[contextId] }] : [],
      starting: [{ role: request.role, source: roleSource }],
    },
    tagPlacement: {
      before: countedTagPlacement(existing),
      after: countedTagPlacement({ ...existing, invitations: { ...existing.invitations, [contextId]: invitation } }),
    },
    audit: {
      actor: caller.email,
      action: 'membership.invited',
      targetType: 'user',
      targetId: request.email,
      before: previousRole ? { groups: { [contextId]: previousRole }, status: 'pending' } : undefined,
      after: { groups: { [contextId]: request.role }, status: 'pending' },
      at,
      requestId,
    },
  });
  const invited = {
    ...existing,
    pending: { ...existing.pending, [contextId]: request.role },
    invitations: { ...existing.invitations, [contextId]: invitation },
  };
  return {
    view: presentInvitation(invited, caller.memberships),
    after: awaitsProof(existing, contextId) ? { kind: 'proof' } : { kind: 'none' },
  };
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

/**
 * A reset code to the address: answering it (`POST /auth/password/reset`) proves the address,
 * replaces the password and ends every earlier session. The invitation is committed either way,
 * and the owner can ask for another code (`POST /auth/password/forgot`).
 */
async function sendProof(deps: UserDependencies, email: string): Promise<void> {
  await deps.identity.forgotPassword(email).catch((error: Error) => {
    log.warn('proof of address not sent', { error: error.name });
  });
}
