/** A user as a caller may see them: only memberships on the caller's branches of the tree. */
import { seesOnlyInvitations, visibleMemberships } from '../../domain/access/visibility.ts';
import type { Caller } from '../../domain/caller.ts';
import { isWithin } from '../../domain/groupPath.ts';
import { compact } from '../../domain/sparse.ts';
import type { ResolvedRole, Role } from '../../domain/roles.ts';
import type { Tags } from '../../domain/tags.ts';
import type { UserRecord } from '../../store/storedRecords.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { presentInvitation } from './invitationView.ts';

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

/**
 * The user as this caller may see them: only memberships on the caller's branches. A user known
 * to the caller only through an invitation they have not accepted looks like any invited user.
 */
export function presentUser(loaded: UserWithMemberships, caller: Caller | 'self'): UserView {
  const all = { ...loaded.pending, ...loaded.memberships };
  if (caller !== 'self' && seesOnlyInvitations(caller.memberships, loaded)) return presentInvitation(loaded, caller.memberships);
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

export interface MeView extends UserView {
  invitations: Record<string, Role>;
  groupContextId: string;
  role: ResolvedRole | null;
}
