/**
 * Revokes the user's membership (or invitation) in the caller's context, as SIF does; with
 * `includeChildGroups`, also every one beneath it. A user left with none is removed from DynamoDB, then from Cognito. Many memberships
 * are revoked in several transactions, each with its audit event; the profile goes last, so an
 * interrupted revocation leaves a consistent user with fewer memberships, and repeating the
 * request finishes it.
 */
import { conflict } from '../../domain/errors.ts';
import { isWithin, ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { withOptimisticRetry } from '../optimisticRetry.ts';
import { countedTagPlacement, withoutKeys } from './membershipChange.ts';
import { loadVisibleUser } from './read.ts';
import { rootAdminGuardVersion } from './rootAdminGuard.ts';
import type { UserChange } from './userDirectory.ts';
import { timestamp, type Mutation, type UserDependencies } from './userDependencies.ts';

export async function revokeUser(
  deps: UserDependencies,
  mutation: Mutation,
  email: string,
  { includeChildGroups }: { includeChildGroups: boolean },
): Promise<void> {
  const { caller } = mutation;
  const contextId = caller.groupContextId;
  const removed = await withOptimisticRetry(
    async () => {
      const loaded = await loadVisibleUser(deps, caller, email);
      const inScope = (groupId: string) => (includeChildGroups ? isWithin(groupId, contextId) : groupId === contextId);
      const groups = [...Object.keys(loaded.memberships), ...Object.keys(loaded.pending)];
      // Sorted, so `/` (the only membership that needs the root-admin guard) is in the first transaction.
      const revoking = groups.filter(inScope).sort();
      if (revoking.length === 0) {
        throw conflict(`User ${email} has no membership in ${contextId}${includeChildGroups ? ' or beneath it' : ''}`);
      }
      if (email === caller.email && revoking.includes(ROOT_GROUP_ID))
        throw conflict('You cannot revoke your own membership of /');
      const guard =
        loaded.memberships[ROOT_GROUP_ID] === 'admin' && inScope(ROOT_GROUP_ID)
          ? await rootAdminGuardVersion(deps, email)
          : undefined;
      const revoked = await revokeInTransactions(deps, mutation, loaded, revoking, guard);
      const keepsSome = groups.some((groupId) => !inScope(groupId));
      if (!keepsSome) await deleteProfile(deps, mutation, revoked);
      return !keepsSome;
    },
    { exhausted: `User ${email} is being changed by another request; try again` },
  );
  if (removed) await deps.identity.deleteUser(email);
}

/** Memberships revoked per transaction: each costs two items (membership, group count), plus tenant and tag counters. */
const MEMBERSHIPS_PER_TRANSACTION = 25;

async function revokeInTransactions(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  loaded: UserWithMemberships,
  revoking: string[],
  guard: number | undefined,
): Promise<UserWithMemberships> {
  let current = loaded;
  let size = MEMBERSHIPS_PER_TRANSACTION;
  for (let start = 0; start < revoking.length;) {
    const batch = revoking.slice(start, start + size);
    const memberships = withoutKeys(current.memberships, batch);
    const pending = withoutKeys(current.pending, batch);
    const invitations = withoutKeys(current.invitations ?? {}, batch);
    const at = timestamp(deps);
    // Withdrawing invitations alone changes nothing the person's other tenants see.
    const onlyInvitations = batch.every((groupId) => groupId in current.pending);
    const user = onlyInvitations ? current.user : { ...current.user, updatedBy: caller.email, updatedAt: at };
    const change: UserChange = {
      profile: { put: user, version: current.version },
      removed: batch,
      roleUses: {
        stopping: batch.map((groupId) => ({
          role: (current.memberships[groupId] ?? current.pending[groupId])!,
          source: current.roleSources[groupId],
        })),
        starting: [],
      },
      groups: {
        before: [...Object.keys(current.memberships), ...Object.keys(current.pending)],
        after: [...Object.keys(memberships), ...Object.keys(pending)],
      },
      audit: {
        actor: caller.email,
        action: 'membership.revoked',
        targetType: 'user',
        targetId: current.user.email,
        before: {
          groups: Object.fromEntries(batch.map((groupId) => [groupId, current.memberships[groupId] ?? current.pending[groupId]])),
        },
        at,
        requestId,
      },
      tagPlacement: {
        before: countedTagPlacement(current),
        after: countedTagPlacement({ user, memberships, invitations }),
      },
      rootAdminGuard: start === 0 ? guard : undefined,
    };
    // Many tag values make a batch's counter updates outgrow one transaction: take fewer memberships.
    if (!deps.users.fits(change) && size > 1) {
      size = Math.ceil(size / 2);
      continue;
    }
    await deps.users.apply(change);
    current = { user, version: current.version + 1, memberships, pending, roleSources: current.roleSources, invitations };
    start += batch.length;
  }
  return current;
}

async function deleteProfile(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  loaded: UserWithMemberships,
): Promise<void> {
  await deps.users.apply({
    profile: { remove: loaded.user.email, version: loaded.version },
    audit: {
      actor: caller.email,
      action: 'user.deleted',
      targetType: 'user',
      targetId: loaded.user.email,
      before: loaded.user,
      at: timestamp(deps),
      requestId,
    },
  });
}
