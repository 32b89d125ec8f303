/**
 * The group directory on the table: each write is one transaction holding the group item, its
 * parent's count, the audit event and the tag usage counters of every ancestor.
 */
import { parentGroupId } from '../../domain/groupPath.ts';
import { invalid } from '../../domain/errors.ts';
import { auditEventPut } from '../../store/audit.ts';
import type { TableRef } from '../../store/client.ts';
import {
  adjustGroupCount,
  deleteDisabledGroup,
  getGroupsByIds,
  getStoredGroup,
  putNewGroup,
  queryChildren,
  queryDescendants,
  replaceGroup,
} from '../../store/groupStore.ts';
import type { GroupRecord } from '../../store/storedRecords.ts';
import { groupScopes, tagUsageUpdates, type TagPlacement } from '../../store/tagUsageStore.ts';
import { ConditionFailedError, MAX_TRANSACTION_ITEMS, writeTransaction, type TransactItem } from '../../store/transactions.ts';
import type { GroupDirectory } from './groupDirectory.ts';

/** A group's tags are counted at itself and every ancestor; a group not (or no longer) stored is counted nowhere. */
const countedFor = (group: GroupRecord): TagPlacement => ({ scopes: groupScopes(group.id), tags: group.tags ?? {} });
const NOT_COUNTED: TagPlacement = { scopes: [], tags: {} };

export function tableGroupDirectory(table: TableRef): GroupDirectory {
  const { tableName } = table;
  const tagCounts = (before: TagPlacement, after: TagPlacement) => tagUsageUpdates(tableName, 'group', [before], [after]);

  return {
    group: (id) => getStoredGroup(table, id),
    groups: (ids) => getGroupsByIds(table, ids),
    children: (parentId, query) => queryChildren(table, parentId, query),
    descendants: (ancestorId, query) => queryDescendants(table, ancestorId, query),

    async insert(record, audit) {
      try {
        await write(table, [
          adjustGroupCount(tableName, parentGroupId(record.id)!, 'childCount', 1, true),
          putNewGroup(tableName, record),
          auditEventPut(tableName, audit),
          ...tagCounts(NOT_COUNTED, countedFor(record)),
        ]);
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        return error.failedIndexes.includes(0) ? 'parent-unavailable' : 'exists';
      }
    },

    async replace(before, after, version, audit) {
      await write(table, [
        replaceGroup(tableName, after, version),
        auditEventPut(tableName, audit),
        ...tagCounts(countedFor(before), countedFor(after)),
      ]);
    },

    async remove(record, version, audit) {
      try {
        // The delete's own condition re-checks state and counts, so nothing added meanwhile is orphaned.
        await write(table, [
          deleteDisabledGroup(tableName, record.id, version),
          adjustGroupCount(tableName, parentGroupId(record.id)!, 'childCount', -1, false),
          auditEventPut(tableName, audit),
          ...tagCounts(countedFor(record), NOT_COUNTED),
        ]);
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
  };
}

async function write(table: TableRef, items: TransactItem[]): Promise<void> {
  // Tag usage is counted at every ancestor: deep groups with many hierarchical tag values can outgrow one transaction.
  if (items.length > MAX_TRANSACTION_ITEMS)
    throw invalid('Too many tag values for a group this deep: use fewer tags or flatter tag values');
  await writeTransaction(table, items);
}
