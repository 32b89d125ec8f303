/**
 * Users and memberships: invite, grant, read, list, change, revoke and delete. Every change is
 * one transaction with its audit event; every membership change bumps the user's profile
 * version, so a grant and a deletion racing each other cannot leave a membership without a user.
 */
import { generatePassword } from '../config/passwordPolicy.ts';
import { isWithin, ROOT_GROUP_ID, selfAndAncestors } from '../domain/groupPath.ts';
import { isBuiltInRole, resolveRole, type ResolvedRole, type Role } from '../domain/roles.ts';
import { revocationTime } from '../domain/sessions.ts';
import { compact, nonEmpty } from '../domain/records.ts';
import { applyTagPatch, type Tags } from '../domain/tags.ts';
import { visibleMemberships } from '../domain/access/visibility.ts';
import type { Caller } from '../domain/caller.ts';
import {
  assertChangeAllowedFor,
  assertMayChangeProfile,
  assertSelfOrManager,
  grantTakesEffect,
  visibleOrNotFound,
} from './access/userRules.ts';
import { invalid, conflict, notFound } from '../domain/errors.ts';
import type { CognitoIdentity } from '../identity/cognitoIdentity.ts';
import { auditEventPut } from '../store/audit.ts';
import type { TableRef } from '../store/client.ts';
import { groupMembershipPrefix, subtreeMembershipPrefix } from '../store/keys.ts';
import { decodePageToken, encodePageToken } from '../store/pagination.ts';
import { adjustGroup, getGroup, getStoredGroup } from '../store/groupStore.ts';
import { describeLimit, tenantOf } from '../domain/plans.ts';
import { countRoleUse, findUsableRole } from '../store/roleStore.ts';
import type { UserRecord } from '../store/records.ts';
import { queryLoginHistory, type LoginAttempt } from '../store/loginAttemptStore.ts';
import { endSessions } from '../store/userMutations.ts';
import { tagUsageUpdates, userScopes, type TagPlacement } from '../store/tagUsageStore.ts';
import { ConditionFailedError, MAX_TRANSACTION_ITEMS, writeTransaction, type TransactItem } from '../store/transactions.ts';
import {
  bumpRootAdminGuard,
  deleteMembership,
  deleteUserProfile,
  getUser,
  loadUserWithMemberships,
  putMembership,
  putNewUser,
  queryGroupMemberEmails,
  queryMemberships,
  readRootAdminGuard,
  replaceUser,
  type UserWithMemberships,
} from '../store/userStore.ts';
import { assertPasswordPolicy } from './authService.ts';

export interface UserDependencies {
  table: TableRef;
  identity: CognitoIdentity;
  /** Local mode only: keeps what Cognito would email, for `GET /dev/outbox`. */
  outbox?: (message: { to: string; kind: 'invitation'; subject: string; body: string }) => Promise<void>;
  now?: () => Date;
}

interface Mutation {
  caller: Caller;
  requestId: string;
}

export interface UserView {
  email: string;
  state: UserRecord['state'];
  groups: Record<string, Role>;
  defaultGroup?: string;
  tags?: Tags;
  createdBy?: string;
  createdAt?: string;
  updatedBy?: string;
  updatedAt?: string;
}

const ATTEMPTS = 3;

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The user as this caller may see them: only memberships on the caller's branches. A user known
 * to the caller only through an invitation they have not accepted looks like any invited user.
 */
export function presentUser(loaded: UserWithMemberships, caller: Caller | 'self'): UserView {
  const all = { ...loaded.pending, ...loaded.memberships };
  if (caller !== 'self' && Object.keys(visibleMemberships(caller.memberships, loaded.memberships)).length === 0) {
    return { email: loaded.user.email, state: 'invited', groups: visibleMemberships(caller.memberships, loaded.pending) };
  }
  const groups = caller === 'self' ? loaded.memberships : visibleMemberships(caller.memberships, all);
  const { email, state, defaultGroup, tags, createdBy, createdAt, updatedBy, updatedAt } = loaded.user;
  const showDefault =
    defaultGroup !== undefined && (caller === 'self' || Object.keys(groups).some((groupId) => isWithin(defaultGroup, groupId)));
  return compact({
    email,
    state,
    groups,
    defaultGroup: showDefault ? defaultGroup : undefined,
    tags,
    createdBy,
    createdAt,
    updatedBy,
    updatedAt,
  });
}

/** Loads a user the caller may see in their group context; anyone else is "not found", exactly like an unknown email. */
async function loadVisibleUser(deps: UserDependencies, caller: Caller, email: string): Promise<UserWithMemberships> {
  return visibleOrNotFound(caller, email, await loadUserWithMemberships(deps.table, email));
}

export async function getUserView(deps: UserDependencies, caller: Caller, email: string): Promise<UserView> {
  const loaded = await loadVisibleUser(deps, caller, email);
  return presentUser(loaded, email === caller.email ? 'self' : caller);
}

export interface MeView extends UserView {
  invitations: Record<string, Role>;
  groupContextId: string;
  role: ResolvedRole | null;
}

export async function getMe(deps: UserDependencies, caller: Caller): Promise<MeView> {
  const loaded = await loadUserWithMemberships(deps.table, caller.email);
  if (!loaded) throw notFound(`User ${caller.email} not found`);
  return {
    ...presentUser(loaded, 'self'),
    invitations: loaded.pending,
    groupContextId: caller.groupContextId,
    role: resolveRole(loaded.memberships, caller.groupContextId) ?? null,
  };
}

export interface ListUsersRequest {
  includeChildGroups: boolean;
  includeParentGroups: boolean;
  tags: { key: string; value: string }[];
  count: number;
  fromToken?: string;
}

/** Which query the next page continues (by position in the list of prefixes) and after which key. */
type UserListToken = { p: number; k?: Record<string, string> };
const isUserListToken = (value: unknown): value is UserListToken =>
  typeof value === 'object' && value !== null && Number.isInteger((value as { p?: unknown }).p);

const MAX_READS_PER_PAGE = 5;

/**
 * Users with a membership in the context (default), in it and beneath it (includeChildGroups),
 * and/or at its ancestors (includeParentGroups, listed first). Memberships are read in tree order
 * from the membership index; a user is listed once, at the first of their memberships the listing
 * covers, so no user repeats across pages and no state needs carrying between them. Each page
 * reads its memberships (one more, to know whether more remain) and one Query per listed user.
 */
export async function listUsers(
  deps: UserDependencies,
  caller: Caller,
  request: ListUsersRequest,
): Promise<{ users: UserView[]; nextToken?: string }> {
  const contextId = caller.groupContextId;
  const ancestors = request.includeParentGroups ? selfAndAncestors(contextId).slice(1).reverse() : [];
  const prefixes = [
    ...ancestors.map(groupMembershipPrefix),
    request.includeChildGroups ? subtreeMembershipPrefix(contextId) : groupMembershipPrefix(contextId),
  ];
  const covers = (groupId: string) =>
    ancestors.includes(groupId) || (request.includeChildGroups ? isWithin(groupId, contextId) : groupId === contextId);
  const token = decodePageToken<UserListToken>(request.fromToken, isUserListToken) ?? { p: 0 };
  if (token.p >= prefixes.length) throw invalid('fromToken is not a token this service issued');

  const users: UserView[] = [];
  let phase = token.p;
  let startKey = token.k;
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
    const room = request.count - users.length;
    const page = await queryMemberships(deps.table, prefixes[phase]!, { limit: room + 1, startKey });
    const taken = page.entries.slice(0, room);
    const loaded = await Promise.all(taken.map((entry) => loadUserWithMemberships(deps.table, entry.email)));
    taken.forEach((entry, i) => {
      const user = loaded[i];
      if (!user || firstCovered(user, covers) !== entry.groupId) return;
      const view = presentUser(user, caller);
      if (request.tags.every((tag) => view.tags?.[tag.key] === tag.value)) users.push(view);
    });
    if (page.entries.length > room) {
      // More memberships remain in this query; a page thinned by repeats or a tag filter keeps reading.
      startKey = taken.at(-1)?.key ?? startKey;
      if (users.length >= request.count) return { users, nextToken: encodePageToken({ p: phase, k: startKey }) };
      continue;
    }
    startKey = page.lastKey;
    if (!startKey) {
      if (phase === prefixes.length - 1) return { users };
      phase++;
    }
  }
  return { users, nextToken: encodePageToken({ p: phase, k: startKey }) };
}

/** The user's membership (or invitation) that comes first in the listing's tree order. */
function firstCovered(user: UserWithMemberships, covers: (groupId: string) => boolean): string | undefined {
  // Plain string order, as DynamoDB sorts keys (by code unit here; ids are ASCII).
  const order = (groupId: string) => groupMembershipPrefix(groupId);
  return [...Object.keys(user.memberships), ...Object.keys(user.pending)]
    .filter(covers)
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))[0];
}

// ---------------------------------------------------------------------------------------------
// Inviting and granting

export interface InviteRequest {
  email: string;
  role: Role;
  password?: string;
  tags?: Tags;
  defaultGroup?: string;
}

/**
 * Grants `role` in the caller's context. A new email becomes an invited user with a temporary
 * password. An existing user is granted directly when the caller administers one of their
 * groups; otherwise the grant waits for the user to accept it, and the caller sees the same
 * answer as for a new invitation, so nobody learns which emails exist elsewhere.
 */
export async function inviteUser(deps: UserDependencies, mutation: Mutation, request: InviteRequest): Promise<UserView> {
  if (request.password !== undefined) assertPasswordPolicy(request.password, 'password');
  const contextId = mutation.caller.groupContextId;
  const roleSource = await usableRoleSource(deps, contextId, request.role);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const existing = await loadUserWithMemberships(deps.table, request.email);
    try {
      return existing
        ? await grantExisting(deps, mutation, request, existing, roleSource)
        : await createInvitedUser(deps, mutation, request, roleSource);
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const refusal = await grantRefusal(deps, contextId);
      if (refusal) throw refusal;
      // The user was created, changed or deleted meanwhile: read again and decide again.
    }
  }
  throw conflict(`User ${request.email} is being changed by another request; try again`);
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
  const at = timestamp(deps);
  const user: UserRecord = compact({
    email: request.email,
    state: 'invited',
    defaultGroup,
    tags: nonEmpty(request.tags),
    createdBy: caller.email,
    createdAt: at,
  });
  await write(deps.table, [
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
    ...tagUsageUpdates(deps.table.tableName, 'user', NOWHERE, { scopes: userScopes([contextId]), tags: user.tags ?? {} }),
  ]);
  await sendInvitation(deps, request.email, request.password ?? generatePassword());
  return presentUser({ user, version: 1, memberships: { [contextId]: request.role }, pending: {}, roleSources: {} }, caller);
}

/** Cognito emails the temporary password on AWS; locally the message also lands in the outbox. */
async function sendInvitation(deps: UserDependencies, email: string, temporaryPassword: string): Promise<void> {
  try {
    await deps.identity.createUser(email, { temporaryPassword, invite: true });
  } catch (error) {
    // A login left behind by an interrupted deletion: give it the new temporary password.
    if ((error as Error).name !== 'UsernameExistsException') throw error;
    await deps.identity.setTemporaryPassword(email, temporaryPassword);
  }
  await deps.outbox?.({
    to: email,
    kind: 'invitation',
    subject: 'You have been invited to SME IAM',
    body: `Log in with ${email} and the temporary password ${temporaryPassword}; you will be asked to choose a new one.`,
  });
}

async function grantExisting(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  request: InviteRequest,
  existing: UserWithMemberships,
  roleSource: string | undefined,
): Promise<UserView> {
  const contextId = caller.groupContextId;
  const administers = grantTakesEffect(caller, existing);
  const at = timestamp(deps);
  const previousRole = existing.memberships[contextId];
  const memberships = administers ? { ...existing.memberships, [contextId]: request.role } : existing.memberships;
  const pending = administers ? withoutKey(existing.pending, contextId) : { ...existing.pending, [contextId]: request.role };
  const defaultGroup = administers && request.defaultGroup !== undefined ? request.defaultGroup : existing.user.defaultGroup;
  if (administers && request.defaultGroup !== undefined)
    await assertDefaultGroup(deps, request.defaultGroup, Object.keys(memberships));
  const user: UserRecord = compact({ ...existing.user, defaultGroup, updatedBy: caller.email, updatedAt: at });

  const groupsBefore = [...Object.keys(existing.memberships), ...Object.keys(existing.pending)];
  const items: TransactItem[] = [
    ...membershipCountUpdates(deps.table.tableName, {
      before: groupsBefore,
      after: [...new Set([...groupsBefore, contextId])],
      activeGroup: contextId,
    }),
    replaceUser(deps.table.tableName, user, existing.version),
    putMembership(deps.table.tableName, {
      email: request.email,
      groupId: contextId,
      role: request.role,
      ...(roleSource ? { roleDefinedAt: roleSource } : {}),
      ...(administers ? {} : { status: 'pending' as const }),
      createdBy: caller.email,
      createdAt: at,
    }),
    ...roleUseUpdates(
      deps.table.tableName,
      (existing.memberships[contextId] ?? existing.pending[contextId])
        ? [{ role: (existing.memberships[contextId] ?? existing.pending[contextId])!, source: existing.roleSources[contextId] }]
        : [],
      [{ role: request.role, source: roleSource }],
    ),
    auditEventPut(deps.table.tableName, {
      actor: caller.email,
      action: administers ? 'membership.granted' : 'membership.invited',
      targetType: 'user',
      targetId: request.email,
      before: previousRole ? { groups: { [contextId]: previousRole } } : undefined,
      after: { groups: { [contextId]: request.role }, ...(administers ? {} : { status: 'pending' }) },
      at,
      requestId,
    }),
    ...tagUsageUpdates(deps.table.tableName, 'user', placement(existing), {
      scopes: userScopes(Object.keys(memberships)),
      tags: user.tags ?? {},
    }),
  ];
  if (contextId === ROOT_GROUP_ID && previousRole === 'admin' && request.role !== 'admin') {
    items.push(await keepAnotherRootAdmin(deps, request.email));
  }
  await write(deps.table, items);
  return presentUser(
    { user, version: existing.version + 1, memberships, pending, roleSources: { ...existing.roleSources } },
    caller,
  );
}

/** The user accepts an invitation waiting at `groupId`: it becomes a membership. */
export async function acceptInvitation(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  groupId: string,
): Promise<MeView> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const loaded = await loadUserWithMemberships(deps.table, caller.email);
    const role = loaded?.pending[groupId];
    if (!loaded || !role) throw notFound(`No invitation to ${groupId}`);
    const at = timestamp(deps);
    const memberships = { ...loaded.memberships, [groupId]: role };
    try {
      await write(deps.table, [
        ...membershipCountUpdates(deps.table.tableName, { before: [groupId], after: [groupId], activeGroup: groupId }),
        replaceUser(deps.table.tableName, { ...loaded.user, updatedBy: caller.email, updatedAt: at }, loaded.version),
        putMembership(deps.table.tableName, {
          email: caller.email,
          groupId,
          role,
          ...(loaded.roleSources[groupId] ? { roleDefinedAt: loaded.roleSources[groupId] } : {}),
          createdBy: caller.email,
          createdAt: at,
        }),
        auditEventPut(deps.table.tableName, {
          actor: caller.email,
          action: 'membership.accepted',
          targetType: 'user',
          targetId: caller.email,
          after: { groups: { [groupId]: role } },
          at,
          requestId,
        }),
        ...tagUsageUpdates(deps.table.tableName, 'user', placement(loaded), {
          scopes: userScopes(Object.keys(memberships)),
          tags: loaded.user.tags ?? {},
        }),
      ]);
      return await getMe(deps, caller);
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const refusal = await grantRefusal(deps, groupId);
      if (refusal) throw refusal;
    }
  }
  throw conflict('Your account is being changed by another request; try again');
}

// ---------------------------------------------------------------------------------------------
// Changing

export interface UserChanges {
  password?: string;
  state?: 'active' | 'disabled';
  defaultGroup?: string;
  tags?: Record<string, string | null>;
}

export async function updateUser(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  email: string,
  changes: UserChanges,
): Promise<void> {
  assertChangeAllowedFor(caller, email, changes);
  if (changes.password !== undefined) assertPasswordPolicy(changes.password, 'password');

  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const loaded = await loadVisibleUser(deps, caller, email);
    const groups = Object.keys(loaded.memberships);
    assertMayChangeProfile(caller, email, loaded, changes);
    if (changes.defaultGroup !== undefined) await assertDefaultGroup(deps, changes.defaultGroup, groups, 'invalid');

    const now = deps.now?.() ?? new Date();
    const at = now.toISOString();
    const before = loaded.user;
    const after: UserRecord = compact({
      ...before,
      state:
        changes.state === undefined
          ? before.state
          : changes.state === 'active' && before.state === 'invited'
            ? 'invited'
            : changes.state,
      defaultGroup: changes.defaultGroup ?? before.defaultGroup,
      tags: changes.tags ? nonEmpty(applyTagPatch(before.tags ?? {}, changes.tags)) : before.tags,
      // Disabling ends every session; a new password ends every session but the caller's current one.
      sessionsValidAfter:
        changes.state === 'disabled'
          ? revocationTime(now)
          : changes.password !== undefined
            ? caller.tokenIssuedAt * 1000
            : before.sessionsValidAfter,
      updatedBy: caller.email,
      updatedAt: at,
    });
    const items: TransactItem[] = [
      replaceUser(deps.table.tableName, after, loaded.version),
      auditEventPut(deps.table.tableName, {
        actor: caller.email,
        action:
          changes.password !== undefined
            ? 'user.password_changed'
            : changes.state === 'disabled'
              ? 'user.disabled'
              : 'user.updated',
        targetType: 'user',
        targetId: email,
        before,
        after,
        at,
        requestId,
      }),
      ...tagUsageUpdates(deps.table.tableName, 'user', placement(loaded), { scopes: userScopes(groups), tags: after.tags ?? {} }),
    ];
    if (changes.state === 'disabled' && before.state !== 'disabled' && loaded.memberships[ROOT_GROUP_ID] === 'admin') {
      items.push(await keepAnotherRootAdmin(deps, email));
    }
    if (changes.password !== undefined) await deps.identity.setPermanentPassword(email, changes.password);
    try {
      await write(deps.table, items);
    } catch (error) {
      if (error instanceof ConditionFailedError) continue;
      throw error;
    }
    if (changes.state === 'disabled') {
      await deps.identity.disableUser(email);
      await deps.identity.signOutEverywhere(email);
    }
    if (changes.state === 'active') await deps.identity.enableUser(email);
    return;
  }
  throw conflict(`User ${email} is being changed by another request; try again`);
}

// ---------------------------------------------------------------------------------------------
// Sessions and login history

/** Your own, or those of a user you administer in every group they belong to; otherwise 403 (or 404 when not visible). */
async function loadManagedUser(deps: UserDependencies, caller: Caller, email: string): Promise<UserWithMemberships> {
  const loaded = await loadVisibleUser(deps, caller, email);
  assertSelfOrManager(caller, email, loaded);
  return loaded;
}

/** Ends every session of the user at once (their tokens fail at the next uncached decision). */
export async function endUserSessions(deps: UserDependencies, { caller, requestId }: Mutation, email: string): Promise<void> {
  await loadManagedUser(deps, caller, email);
  const now = deps.now?.() ?? new Date();
  await endSessions(deps.table, {
    email,
    actor: caller.email,
    action: 'session.ended',
    requestId,
    validAfter: revocationTime(now),
    at: now.toISOString(),
  });
  await deps.identity.signOutEverywhere(email);
}

export async function getLoginHistory(
  deps: UserDependencies,
  caller: Caller,
  email: string,
  query: { count: number; fromToken?: string },
): Promise<{ logins: LoginAttempt[]; nextToken?: string }> {
  await loadManagedUser(deps, caller, email);
  const page = await queryLoginHistory(deps.table, email, query.count, query.fromToken);
  return { logins: page.attempts, nextToken: page.nextToken };
}

// ---------------------------------------------------------------------------------------------
// Revoking and deleting

/**
 * Revokes the user's memberships (and invitations) in the caller's context and every group
 * beneath it. A user left with none is removed from DynamoDB and Cognito. Many memberships are
 * revoked in several transactions, each with its audit event; the profile goes last, so an
 * interrupted revocation leaves a consistent user with fewer memberships, and repeating the
 * request finishes it.
 */
export async function revokeUser(deps: UserDependencies, { caller, requestId }: Mutation, email: string): Promise<void> {
  const contextId = caller.groupContextId;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const loaded = await loadVisibleUser(deps, caller, email);
    const inScope = (groupId: string) => isWithin(groupId, contextId);
    // Sorted, so `/` (the only membership that needs the root-admin guard) is in the first chunk.
    const revoking = [...Object.keys(loaded.memberships), ...Object.keys(loaded.pending)].filter(inScope).sort();
    if (revoking.length === 0) throw conflict(`User ${email} has no membership in ${contextId} or beneath it`);
    if (email === caller.email && revoking.includes(ROOT_GROUP_ID)) throw conflict('You cannot revoke your own membership of /');
    const keepsSome = [...Object.keys(loaded.memberships), ...Object.keys(loaded.pending)].some((groupId) => !inScope(groupId));
    const guard =
      loaded.memberships[ROOT_GROUP_ID] === 'admin' && inScope(ROOT_GROUP_ID)
        ? await keepAnotherRootAdmin(deps, email)
        : undefined;
    try {
      const revoked = await revokeInChunks(deps, { caller, requestId }, loaded, revoking, guard);
      if (!keepsSome) {
        await deleteUserEntirely(deps, { caller, requestId }, revoked);
        await deps.identity.deleteUser(email);
      }
      return;
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }
  throw conflict(`User ${email} is being changed by another request; try again`);
}

/** Memberships revoked per transaction: each costs two items (membership, group count), plus tenant and tag counters. */
const CHUNK = 25;

async function revokeInChunks(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  loaded: UserWithMemberships,
  revoking: string[],
  guard: TransactItem | undefined,
): Promise<UserWithMemberships> {
  let current = loaded;
  let size = CHUNK;
  for (let start = 0; start < revoking.length;) {
    const chunk = revoking.slice(start, start + size);
    const memberships = withoutKeys(current.memberships, chunk);
    const pending = withoutKeys(current.pending, chunk);
    const at = timestamp(deps);
    const user = { ...current.user, updatedBy: caller.email, updatedAt: at };
    const items = [
      replaceUser(deps.table.tableName, user, current.version),
      ...chunk.map((groupId) => deleteMembership(deps.table.tableName, current.user.email, groupId)),
      ...roleUseUpdates(
        deps.table.tableName,
        chunk.map((groupId) => ({
          role: (current.memberships[groupId] ?? current.pending[groupId])!,
          source: current.roleSources[groupId],
        })),
        [],
      ),
      ...membershipCountUpdates(deps.table.tableName, {
        before: [...Object.keys(current.memberships), ...Object.keys(current.pending)],
        after: [...Object.keys(memberships), ...Object.keys(pending)],
      }),
      auditEventPut(deps.table.tableName, {
        actor: caller.email,
        action: 'membership.revoked',
        targetType: 'user',
        targetId: current.user.email,
        before: {
          groups: Object.fromEntries(chunk.map((groupId) => [groupId, current.memberships[groupId] ?? current.pending[groupId]])),
        },
        at,
        requestId,
      }),
      ...tagUsageUpdates(deps.table.tableName, 'user', placement(current), {
        scopes: userScopes(Object.keys(memberships)),
        tags: user.tags ?? {},
      }),
      ...(guard && start === 0 ? [guard] : []),
    ];
    // Many tag values make a chunk's counter updates outgrow one transaction: take fewer memberships.
    if (items.length > MAX_TRANSACTION_ITEMS && size > 1) {
      size = Math.ceil(size / 2);
      continue;
    }
    await write(deps.table, items);
    current = { user, version: current.version + 1, memberships, pending, roleSources: current.roleSources };
    start += chunk.length;
  }
  return current;
}

async function deleteUserEntirely(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  loaded: UserWithMemberships,
): Promise<void> {
  await write(deps.table, [
    deleteUserProfile(deps.table.tableName, loaded.user.email, loaded.version),
    auditEventPut(deps.table.tableName, {
      actor: caller.email,
      action: 'user.deleted',
      targetType: 'user',
      targetId: loaded.user.email,
      before: loaded.user,
      at: timestamp(deps),
      requestId,
    }),
  ]);
}

/**
 * Refuses a change that would leave `/` without an active admin, and returns the guard item
 * that makes the check hold until the change commits (see bumpRootAdminGuard).
 */
async function keepAnotherRootAdmin(deps: UserDependencies, leaving: string): Promise<TransactItem> {
  const version = await readRootAdminGuard(deps.table);
  const admins = (await queryGroupMemberEmails(deps.table, ROOT_GROUP_ID)).filter(
    (member) => member.role === 'admin' && !member.status && member.email !== leaving,
  );
  const states = await Promise.all(admins.map((admin) => getUser(deps.table, admin.email)));
  if (!states.some((user) => user && user.state !== 'disabled')) throw conflict('This would leave / without an active admin');
  return bumpRootAdminGuard(deps.table.tableName, version);
}

// ---------------------------------------------------------------------------------------------
// Helpers

const NOWHERE: TagPlacement = { scopes: [], tags: {} };

const placement = (loaded: UserWithMemberships): TagPlacement => ({
  scopes: userScopes(Object.keys(loaded.memberships)),
  tags: loaded.user.tags ?? {},
});

async function write(table: TableRef, items: TransactItem[]): Promise<void> {
  if (items.length > MAX_TRANSACTION_ITEMS)
    throw invalid('Too many tag values for this user’s memberships: use fewer tags or flatter tag values');
  await writeTransaction(table, items);
}

/** The default group must exist and lie within one of the user's groups. */
async function assertDefaultGroup(
  deps: UserDependencies,
  defaultGroup: string,
  userGroups: string[],
  outsideKind: 'invalid' | 'not-found' = 'not-found',
): Promise<void> {
  if (!userGroups.some((groupId) => isWithin(defaultGroup, groupId))) {
    const message = `Default group ${defaultGroup} is not one of the user's groups or beneath one`;
    throw outsideKind === 'invalid' ? invalid(message) : notFound(message);
  }
  if (!(await getGroup(deps.table, defaultGroup))) throw notFound(`Group ${defaultGroup} not found`);
}

/**
 * Why a grant's conditions failed: the group is missing (404) or disabled (409), or its tenant's
 * plan is full (409 naming the plan and its limit). Undefined: something else changed; try again.
 */
async function grantRefusal(deps: UserDependencies, groupId: string): Promise<Error | undefined> {
  const group = await getStoredGroup(deps.table, groupId);
  if (!group) return notFound(`Group ${groupId} not found`);
  if (group.record.state !== 'active') return conflict(`Group ${groupId} is disabled: it accepts no new members`);
  const tenantId = tenantOf(groupId);
  const tenant = tenantId === groupId ? group : tenantId ? await getStoredGroup(deps.table, tenantId) : undefined;
  if (tenant?.userLimit !== undefined && tenant.userCount >= tenant.userLimit) {
    return conflict(`Tenant ${tenantId} is full: ${describeLimit(tenant.record.plan ?? 'team')}. Upgrade the plan to add users.`);
  }
  return undefined;
}

const timestamp = (deps: UserDependencies) => (deps.now?.() ?? new Date()).toISOString();

/** Where a custom role usable at the group is defined (undefined for built-in roles); 400 for a role not usable there. */
async function usableRoleSource(deps: UserDependencies, groupId: string, role: string): Promise<string | undefined> {
  if (isBuiltInRole(role)) return undefined;
  const definition = await findUsableRole(deps.table, groupId, role);
  if (!definition) throw invalid(`Role ${role} is neither built in nor defined at ${groupId} or above it`);
  return definition.definedAt;
}

/** Use counts of custom roles: -1 for each role a membership stops using, +1 for each it starts using, one item per role. */
function roleUseUpdates(
  tableName: string,
  stopping: { role: string; source?: string }[],
  starting: { role: string; source?: string }[],
): TransactItem[] {
  const deltas = new Map<string, number>();
  const count = (uses: { role: string; source?: string }[], delta: number) => {
    for (const use of uses)
      if (use.source) deltas.set(`${use.source}|${use.role}`, (deltas.get(`${use.source}|${use.role}`) ?? 0) + delta);
  };
  count(stopping, -1);
  count(starting, 1);
  return [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => {
      const [source, role] = key.split('|') as [string, string];
      return countRoleUse(tableName, source, role, delta);
    });
}

/** The tenants a user belongs to through any of these groups (memberships and invitations). */
const tenantsOf = (groupIds: string[]) => new Set(groupIds.flatMap((groupId) => tenantOf(groupId) ?? []));

/**
 * The group count updates for a membership change, one item per group (a transaction may touch
 * an item once): member counts of the groups gaining or losing a membership, and user counts of
 * the tenants the user joins (checked against the plan's limit) or leaves.
 */
function membershipCountUpdates(
  tableName: string,
  change: { before: string[]; after: string[]; activeGroup?: string },
): TransactItem[] {
  const deltas = new Map<string, { memberCount?: number; userCount?: number }>();
  const add = (groupId: string, counter: 'memberCount' | 'userCount', delta: number) => {
    const entry = deltas.get(groupId) ?? {};
    entry[counter] = (entry[counter] ?? 0) + delta;
    deltas.set(groupId, entry);
  };
  for (const groupId of change.after) if (!change.before.includes(groupId)) add(groupId, 'memberCount', 1);
  for (const groupId of change.before) if (!change.after.includes(groupId)) add(groupId, 'memberCount', -1);
  const [tenantsBefore, tenantsAfter] = [tenantsOf(change.before), tenantsOf(change.after)];
  for (const tenant of tenantsAfter) if (!tenantsBefore.has(tenant)) add(tenant, 'userCount', 1);
  for (const tenant of tenantsBefore) if (!tenantsAfter.has(tenant)) add(tenant, 'userCount', -1);
  // The group a grant lands in must exist and be active, even when no count changes there.
  if (change.activeGroup && !deltas.has(change.activeGroup)) deltas.set(change.activeGroup, { memberCount: 0 });
  return [...deltas].map(([groupId, delta]) => adjustGroup(tableName, groupId, delta, groupId === change.activeGroup));
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return withoutKeys(record, [key]);
}

function withoutKeys<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}
