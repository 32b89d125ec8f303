/** Listing the users of a context, page by page, each once. */
import type { Caller } from '../../domain/caller.ts';
import { invalid } from '../../domain/errors.ts';
import { ancestorsInView } from '../../domain/access/visibility.ts';
import { isWithin } from '../../domain/groupPath.ts';
import { groupMembershipPrefix, subtreeMembershipPrefix } from '../../store/keys.ts';
import { decodePageToken, encodePageToken, type PageKey } from '../../store/pagination.ts';
import { loadListedUsers } from '../../store/listedUsers.ts';
import { queryMemberships, type UserWithMemberships } from '../../store/userStore.ts';
import { presentUser, type UserView } from './present.ts';
import type { UserReadDependencies } from './userReadDependencies.ts';

export interface ListUsersRequest {
  includeChildGroups: boolean;
  includeParentGroups: boolean;
  tags: { key: string; value: string }[];
  count: number;
  fromToken?: string;
}

/**
 * The key range the next page continues (the memberships of one group, or of a subtree: its key
 * prefix) and after which key. A token resumes its range in any listing that covers that range.
 */
type UserListToken = { range: string; after?: PageKey };
const isUserListToken = (value: unknown): value is UserListToken =>
  typeof value === 'object' && value !== null && typeof (value as { range?: unknown }).range === 'string';

const MAX_READS_PER_PAGE = 5;

/**
 * Users with a membership in the context (default), in it and beneath it (includeChildGroups),
 * and/or at its ancestors (includeParentGroups, listed first). Memberships are read in tree order
 * from the membership index; a user is listed once, at the first of their memberships the listing
 * covers, so no user repeats across pages and no state needs carrying between them. Each read
 * takes its memberships (one more, to know whether more remain), then the listed users' profiles
 * and membership summaries by key (store/listedUsers.ts): a bounded number of requests whatever
 * the page size.
 */
export async function listUsers(
  deps: UserReadDependencies,
  caller: Caller,
  request: ListUsersRequest,
): Promise<{ users: UserView[]; nextToken?: string }> {
  const contextId = caller.groupContextId;
  const ancestors = request.includeParentGroups ? ancestorsInView(caller.memberships, contextId).reverse() : [];
  const prefixes = [
    ...ancestors.map(groupMembershipPrefix),
    request.includeChildGroups ? subtreeMembershipPrefix(contextId) : groupMembershipPrefix(contextId),
  ];
  const covers = (groupId: string) =>
    ancestors.includes(groupId) || (request.includeChildGroups ? isWithin(groupId, contextId) : groupId === contextId);
  const token = decodePageToken<UserListToken>(request.fromToken, isUserListToken);
  const resumed = token ? prefixes.indexOf(token.range) : 0;
  if (resumed < 0) throw invalid('fromToken resumes a range of memberships this listing does not cover');

  const users: UserView[] = [];
  let phase = resumed;
  let startKey = token?.after;
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
    const room = request.count - users.length;
    const page = await queryMemberships(deps.table, prefixes[phase]!, { limit: room + 1, startKey });
    const taken = page.entries.slice(0, room);
    const loaded = await loadListedUsers(
      deps.table,
      taken.map((entry) => entry.email),
    );
    taken.forEach((entry) => {
      const user = loaded.get(entry.email);
      if (!user || firstCovered(user, covers) !== entry.groupId) return;
      const view = presentUser(user, caller);
      if (request.tags.every((tag) => view.tags?.[tag.key] === tag.value)) users.push(view);
    });
    if (page.entries.length > room) {
      // More memberships remain in this query; a page thinned by repeats or a tag filter keeps reading.
      startKey = taken.at(-1)?.key ?? startKey;
      if (users.length >= request.count)
        return { users, nextToken: encodePageToken({ range: prefixes[phase], after: startKey }) };
      continue;
    }
    startKey = page.lastKey;
    if (!startKey) {
      if (phase === prefixes.length - 1) return { users };
      phase++;
    }
  }
  return { users, nextToken: encodePageToken({ range: prefixes[phase], after: startKey }) };
}

/** The user's membership (or invitation) that comes first in the listing's tree order. */
function firstCovered(user: UserWithMemberships, covers: (groupId: string) => boolean): string | undefined {
  // Plain string order, as DynamoDB sorts keys (by code unit here; ids are ASCII).
  const order = (groupId: string) => groupMembershipPrefix(groupId);
  return [...Object.keys(user.memberships), ...Object.keys(user.pending)]
    .filter(covers)
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))[0];
}
