import { invalid } from '../../domain/errors.ts';
import { selfAndAncestors } from '../../domain/groupPath.ts';
import { decodePageToken, encodePageToken, type PageKey } from '../../store/pagination.ts';
import type { GroupRecord } from '../../store/storedRecords.ts';
import type { GroupDependencies, GroupQuery } from './groupDirectory.ts';

export interface ListGroupsRequest {
  includeChildGroups: boolean;
  includeParentGroups: boolean;
  tags: { key: string; value: string }[];
  count: number;
  fromToken?: string;
}

/**
 * Where the next page starts, named by the key range it resumes: the path from `/` down to the
 * context `at` (by position), or the context's children or descendants (after a key; `{}` = from
 * its start). A token resumes its range in any listing that covers that range; one naming a range
 * the listing does not cover is refused.
 */
type ListToken = { range: 'path'; at: string; next: number } | { range: 'children' | 'descendants'; at: string; after: PageKey };
const isListToken = (value: unknown): value is ListToken => {
  if (typeof value !== 'object' || value === null) return false;
  const token = value as Record<string, unknown>;
  if (typeof token.at !== 'string') return false;
  if (token.range === 'path') return Number.isInteger(token.next) && (token.next as number) >= 0;
  return (token.range === 'children' || token.range === 'descendants') && typeof token.after === 'object' && token.after !== null;
};

/** At most this many reads fill one page when a tag filter skips items, so a page's cost stays bounded. */
const MAX_READS_PER_PAGE = 5;

/**
 * Lists groups around the context: its children (default) or all its descendants
 * (includeChildGroups), preceded with includeParentGroups by the path from `/` down to the
 * context itself. Each page reads what it returns plus one item to know whether more remain
 * (and what a tag filter skips), never the whole tree.
 */
export async function listGroups(
  deps: GroupDependencies,
  contextId: string,
  request: ListGroupsRequest,
): Promise<{ groups: GroupRecord[]; nextToken?: string }> {
  const token = decodePageToken<ListToken>(request.fromToken, isListToken);
  const childRange = request.includeChildGroups ? 'descendants' : 'children';
  if (token && (token.at !== contextId || (token.range === 'path' ? !request.includeParentGroups : token.range !== childRange))) {
    throw invalid(`fromToken resumes the ${token.range} of ${token.at}, which this listing does not cover`);
  }
  const matches = (group: GroupRecord) => request.tags.every((tag) => group.tags?.[tag.key] === tag.value);
  const groups: GroupRecord[] = [];

  if (request.includeParentGroups && token?.range !== childRange) {
    const path = selfAndAncestors(contextId).reverse();
    const start = token?.range === 'path' ? token.next : 0;
    const slice = path.slice(start, start + request.count);
    const found = await deps.groups.groups(slice);
    for (const id of slice) if (found.get(id) && matches(found.get(id)!)) groups.push(found.get(id)!);
    if (start + slice.length < path.length) {
      return { groups, nextToken: encodePageToken({ range: 'path', at: contextId, next: start + slice.length }) };
    }
  }

  const query = (id: string, page: GroupQuery) =>
    request.includeChildGroups ? deps.groups.descendants(id, page) : deps.groups.children(id, page);
  const resumeChildren = (after: PageKey) => encodePageToken({ range: childRange, at: contextId, after });
  let startKey = token && token.range !== 'path' && Object.keys(token.after).length > 0 ? token.after : undefined;
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
    const room = request.count - groups.length;
    // One more than fits tells whether another page exists, so a full last page carries no token.
    const page = await query(contextId, { limit: room + 1, startKey, tags: request.tags });
    const taken = page.entries.slice(0, room);
    groups.push(...taken.map((entry) => entry.group));
    if (page.entries.length > room) return { groups, nextToken: resumeChildren(taken.at(-1)?.key ?? startKey ?? {}) };
    if (!page.lastKey) return { groups };
    startKey = page.lastKey;
  }
  return { groups, nextToken: resumeChildren(startKey ?? {}) };
}
