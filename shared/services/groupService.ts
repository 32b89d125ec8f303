/**
 * The group tree's rules: who may create, read, list, change and delete groups, and what
 * each change writes (always with its audit event, in one transaction).
 */
import { deepMerge, effectiveConfiguration, type Configuration } from '../domain/configuration.ts';
import { childGroupId, MAX_GROUP_ID_LENGTH, parentGroupId, ROOT_GROUP_ID, selfAndAncestors } from '../domain/groupPath.ts';
import { compact, nonEmpty } from '../domain/sparse.ts';
import { PLANS, tenantOf } from '../domain/plans.ts';
import { applyTagPatch, type Tags } from '../domain/tags.ts';
import type { Caller } from '../domain/caller.ts';
import { invalid, conflict, notFound } from '../domain/errors.ts';
import { auditEventPut } from '../store/audit.ts';
import type { TableRef } from '../store/client.ts';
import {
  adjustGroupCount,
  deleteDisabledGroup,
  getGroupsByIds,
  getStoredGroup,
  putNewGroup,
  queryChildren,
  queryDescendants,
  replaceGroup,
} from '../store/groupStore.ts';
import { decodePageToken, encodePageToken, type PageKey } from '../store/pagination.ts';
import type { GroupRecord } from '../store/storedRecords.ts';
import { groupScopes, tagUsageUpdates } from '../store/tagUsageStore.ts';
import { withOptimisticRetry } from './optimisticRetry.ts';
import { ConditionFailedError, MAX_TRANSACTION_ITEMS, writeTransaction, type TransactItem } from '../store/transactions.ts';
import { timestampOf } from './clock.ts';

export interface GroupDependencies {
  table: TableRef;
  now?: () => Date;
}

interface Mutation {
  caller: Caller;
  requestId: string;
}

const timestamp = (deps: GroupDependencies) => timestampOf(deps);

/** Creates `<context>/<lower-cased name>` and answers with it as `GET` shows it (effective configuration). */
export async function createGroup(
  deps: GroupDependencies,
  { caller, requestId }: Mutation,
  body: { name: string; description?: string; tags?: Tags; configuration?: Configuration },
): Promise<GroupView> {
  const parentId = caller.groupContextId;
  const id = childGroupId(parentId, body.name);
  if (id.length > MAX_GROUP_ID_LENGTH) throw invalid(`Group id ${id} is longer than ${MAX_GROUP_ID_LENGTH} characters`);
  await assertPlanAllows(deps, id, body.configuration);
  const at = timestamp(deps);
  const record: GroupRecord = compact({
    id,
    name: body.name,
    description: body.description,
    state: 'active',
    tags: nonEmpty(body.tags),
    configuration: nonEmpty(body.configuration),
    createdBy: caller.email,
    createdAt: at,
  });
  const items = [
    adjustGroupCount(deps.table.tableName, parentId, 'childCount', 1, true),
    putNewGroup(deps.table.tableName, record),
    auditEventPut(deps.table.tableName, {
      actor: caller.email,
      action: 'group.created',
      targetType: 'group',
      targetId: id,
      after: record,
      at,
      requestId,
    }),
    ...tagUsageUpdates(
      deps.table.tableName,
      'group',
      { scopes: [], tags: {} },
      { scopes: groupScopes(id), tags: record.tags ?? {} },
    ),
  ];
  try {
    await writeGroupTransaction(deps.table, items);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    if (error.failedIndexes.includes(0)) {
      const parent = await getStoredGroup(deps.table, parentId);
      throw parent
        ? conflict(`Group ${parentId} is disabled: it accepts no new sub-groups`)
        : notFound(`Group ${parentId} not found`);
    }
    throw conflict(`Group ${id} already exists`);
  }
  return getGroupView(deps, id);
}

export interface GroupView extends GroupRecord {
  configurationSource?: Record<string, Configuration>;
}

/** The group with its effective configuration: one BatchGet reads it and all its ancestors. */
export async function getGroupView(deps: GroupDependencies, id: string, showConfigurationSource = false): Promise<GroupView> {
  const chain = selfAndAncestors(id).reverse();
  const groups = await getGroupsByIds(deps.table, chain);
  const group = groups.get(id);
  if (!group) throw notFound(`Group ${id} not found`);
  const layers = chain.map((groupId) => groups.get(groupId)?.configuration);
  const { createdBy, createdAt, updatedBy, updatedAt, ...identity } = group;
  return {
    ...identity,
    configuration: effectiveConfiguration(layers),
    ...(showConfigurationSource
      ? { configurationSource: Object.fromEntries(chain.flatMap((groupId, i) => (layers[i] ? [[groupId, layers[i]]] : []))) }
      : {}),
    createdBy,
    createdAt,
    ...(updatedBy ? { updatedBy, updatedAt } : {}),
  };
}

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
    const found = await getGroupsByIds(deps.table, slice);
    for (const id of slice) if (found.get(id) && matches(found.get(id)!)) groups.push(found.get(id)!);
    if (start + slice.length < path.length) {
      return { groups, nextToken: encodePageToken({ range: 'path', at: contextId, next: start + slice.length }) };
    }
  }

  const query = request.includeChildGroups ? queryDescendants : queryChildren;
  const resumeChildren = (after: PageKey) => encodePageToken({ range: childRange, at: contextId, after });
  let startKey = token && token.range !== 'path' && Object.keys(token.after).length > 0 ? token.after : undefined;
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
    const room = request.count - groups.length;
    // One more than fits tells whether another page exists, so a full last page carries no token.
    const page = await query(deps.table, contextId, { limit: room + 1, startKey, tags: request.tags });
    const taken = page.entries.slice(0, room);
    groups.push(...taken.map((entry) => entry.group));
    if (page.entries.length > room) return { groups, nextToken: resumeChildren(taken.at(-1)?.key ?? startKey ?? {}) };
    if (!page.lastKey) return { groups };
    startKey = page.lastKey;
  }
  return { groups, nextToken: resumeChildren(startKey ?? {}) };
}

export interface GroupChanges {
  name?: string;
  description?: string;
  state?: 'active' | 'disabled';
  tags?: Record<string, string | null>;
  configuration?: Configuration;
}

/** Applies the changes and answers with the group as `GET` shows it (effective configuration). */
export async function updateGroup(
  deps: GroupDependencies,
  { caller, requestId }: Mutation,
  id: string,
  changes: GroupChanges,
): Promise<GroupView> {
  if (id === ROOT_GROUP_ID && changes.state === 'disabled') throw conflict('The root group / cannot be disabled');
  await assertPlanAllows(deps, id, changes.configuration);
  // Someone else may change the group after we read it: then read again and re-apply.
  await withOptimisticRetry(
    async () => {
      const stored = await getStoredGroup(deps.table, id);
      if (!stored) throw notFound(`Group ${id} not found`);
      const before = stored.record;
      if (changes.name !== undefined && changes.name !== before.name) throw invalid('Groups cannot be renamed');
      const at = timestamp(deps);
      const after: GroupRecord = compact({
        ...before,
        description: changes.description ?? before.description,
        state: changes.state ?? before.state,
        tags: changes.tags ? nonEmpty(applyTagPatch(before.tags ?? {}, changes.tags)) : before.tags,
        configuration: changes.configuration
          ? nonEmpty(deepMerge(before.configuration ?? {}, changes.configuration))
          : before.configuration,
        updatedBy: caller.email,
        updatedAt: at,
      });
      const items = [
        replaceGroup(deps.table.tableName, after, stored.version),
        auditEventPut(deps.table.tableName, {
          actor: caller.email,
          action: 'group.updated',
          targetType: 'group',
          targetId: id,
          before,
          after,
          at,
          requestId,
        }),
        ...tagUsageUpdates(
          deps.table.tableName,
          'group',
          { scopes: groupScopes(id), tags: before.tags ?? {} },
          { scopes: groupScopes(id), tags: after.tags ?? {} },
        ),
      ];
      await writeGroupTransaction(deps.table, items);
    },
    { exhausted: `Group ${id} is being changed by another request; try again` },
  );
  return getGroupView(deps, id);
}

export async function deleteGroup(deps: GroupDependencies, { caller, requestId }: Mutation, id: string): Promise<void> {
  if (id === ROOT_GROUP_ID) throw conflict('The root group / cannot be deleted');
  const stored = await getStoredGroup(deps.table, id);
  if (!stored) throw notFound(`Group ${id} not found`);
  if (stored.record.state !== 'disabled') throw conflict(`Group ${id} must be disabled before it is deleted`);
  if (stored.childCount > 0) throw conflict(`Group ${id} still has sub-groups`);
  if (stored.memberCount > 0) throw conflict(`Group ${id} still has members`);
  const at = timestamp(deps);
  try {
    // The delete's own condition re-checks state and counts, so nothing added meanwhile is orphaned.
    await writeGroupTransaction(deps.table, [
      deleteDisabledGroup(deps.table.tableName, id, stored.version),
      adjustGroupCount(deps.table.tableName, parentGroupId(id)!, 'childCount', -1, false),
      auditEventPut(deps.table.tableName, {
        actor: caller.email,
        action: 'group.deleted',
        targetType: 'group',
        targetId: id,
        before: stored.record,
        at,
        requestId,
      }),
      ...tagUsageUpdates(
        deps.table.tableName,
        'group',
        { scopes: groupScopes(id), tags: stored.record.tags ?? {} },
        { scopes: [], tags: {} },
      ),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError) throw conflict(`Group ${id} changed while it was being deleted; try again`);
    throw error;
  }
}

async function writeGroupTransaction(table: TableRef, items: TransactItem[]): Promise<void> {
  // Tag usage is counted at every ancestor: deep groups with many hierarchical tag values can outgrow one transaction.
  if (items.length > MAX_TRANSACTION_ITEMS)
    throw invalid('Too many tag values for a group this deep: use fewer tags or flatter tag values');
  await writeTransaction(table, items);
}

/** MFA enforcement is an enterprise feature: smaller plans may not set `security.mfaRequired`. */
async function assertPlanAllows(deps: GroupDependencies, id: string, configuration: Configuration | undefined): Promise<void> {
  if ((configuration?.security as { mfaRequired?: unknown } | undefined)?.mfaRequired !== true) return;
  const tenantId = tenantOf(id);
  const plan = tenantId ? (await getStoredGroup(deps.table, tenantId))?.record.plan : undefined;
  if (plan && !PLANS[plan].mfaEnforcement)
    throw conflict(`MFA enforcement needs the enterprise plan; tenant ${tenantId} is on the ${plan} plan`);
}
