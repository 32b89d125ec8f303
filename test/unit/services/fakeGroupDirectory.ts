/**
 * The group directory in memory, with the table adapter's semantics: writes check the version
 * and the parent's state, pages stop after `limit` evaluated groups (a tag filter applies after
 * the limit, as DynamoDB's does), and every audit event is kept.
 */
import { isWithin, parentGroupId } from '../../../shared/domain/groupPath.ts';
import type { GroupDirectory, GroupQuery, GroupQueryPage, StoredGroup } from '../../../shared/services/groups/groupDirectory.ts';
import type { AuditEvent, GroupRecord } from '../../../shared/store/storedRecords.ts';
import { ConditionFailedError } from '../../../shared/store/transactions.ts';

export interface FakeGroupDirectory extends GroupDirectory {
  stored: Map<string, StoredGroup>;
  audit: AuditEvent[];
  /** Runs before each replace is applied: a test lets another writer win the race there. */
  beforeReplace?: () => void;
}

const copy = <T>(value: T): T => structuredClone(value);

export function groupRecord(id: string, extra: Partial<GroupRecord> = {}): GroupRecord {
  return {
    id,
    name: id === '/' ? '/' : id.split('/').pop()!,
    state: 'active',
    createdBy: 'admin@bank.example',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** A directory holding `/` and the given groups (with optional counts), each at version 1. */
export function fakeGroupDirectory(
  groups: (GroupRecord | (GroupRecord & { counts: Partial<Pick<StoredGroup, 'childCount' | 'memberCount'>> }))[] = [],
): FakeGroupDirectory {
  const stored = new Map<string, StoredGroup>();
  const given = new Map<string, Partial<StoredGroup>>();
  for (const group of [groupRecord('/'), ...groups]) {
    const { counts, ...record } = group as GroupRecord & { counts?: Partial<StoredGroup> };
    given.set(record.id, counts ?? {});
    stored.set(record.id, { record, version: 1, childCount: 0, memberCount: 0, userCount: 0 });
  }
  // Counts not given are what the groups imply: sub-groups counted, no members.
  for (const [id, group] of stored) {
    group.childCount = given.get(id)!.childCount ?? [...stored.keys()].filter((other) => parentGroupId(other) === id).length;
    group.memberCount = given.get(id)!.memberCount ?? 0;
  }
  const audit: AuditEvent[] = [];

  const page = (candidates: string[], query: GroupQuery): GroupQueryPage => {
    const sorted = candidates.sort();
    const start = query.startKey ? sorted.findIndex((id) => id > query.startKey!.id!) : 0;
    const evaluated = start < 0 ? [] : sorted.slice(start, start + query.limit);
    const matches = (group: GroupRecord) => (query.tags ?? []).every((tag) => group.tags?.[tag.key] === tag.value);
    return {
      entries: evaluated
        .map((id) => stored.get(id)!.record)
        .filter(matches)
        .map((group) => ({ group: copy(group), key: { id: group.id } })),
      lastKey: start >= 0 && start + query.limit < sorted.length ? { id: evaluated.at(-1)! } : undefined,
    };
  };

  const directory: FakeGroupDirectory = {
    stored,
    audit,
    group: async (id) => copy(stored.get(id)),
    groups: async (ids) => new Map(ids.flatMap((id) => (stored.has(id) ? [[id, copy(stored.get(id)!.record)]] : []))),
    children: async (parentId, query) =>
      page(
        [...stored.keys()].filter((id) => parentGroupId(id) === parentId),
        query,
      ),
    descendants: async (ancestorId, query) =>
      page(
        [...stored.keys()].filter((id) => id !== ancestorId && isWithin(id, ancestorId)),
        query,
      ),
    async insert(record, event) {
      const parent = stored.get(parentGroupId(record.id)!);
      if (!parent || parent.record.state !== 'active') return 'parent-unavailable';
      if (stored.has(record.id)) return 'exists';
      parent.childCount++;
      stored.set(record.id, { record: copy(record), version: 1, childCount: 0, memberCount: 0, userCount: 0 });
      audit.push(copy(event));
      return undefined;
    },
    async replace(_before, after, version, event) {
      directory.beforeReplace?.();
      const current = stored.get(after.id);
      if (!current || current.version !== version) throw new ConditionFailedError([0]);
      stored.set(after.id, { ...current, record: copy(after), version: version + 1 });
      audit.push(copy(event));
    },
    async remove(record, version, event) {
      const current = stored.get(record.id);
      if (!current || current.version !== version || current.record.state !== 'disabled') return false;
      if (current.childCount > 0 || current.memberCount > 0) return false;
      stored.delete(record.id);
      stored.get(parentGroupId(record.id)!)!.childCount--;
      audit.push(copy(event));
      return true;
    },
  };
  return directory;
}
