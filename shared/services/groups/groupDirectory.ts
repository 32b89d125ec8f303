/**
 * The port the groups use cases read and write through: the table in production
 * (`tableGroupDirectory.ts`), a map in the unit tests. Every write carries its audit event and
 * commits with it or not at all.
 */
import type { Caller } from '../../domain/caller.ts';
import type { GroupQuery, GroupQueryPage, StoredGroup } from '../../store/groupStore.ts';
import type { AuditEvent, GroupRecord } from '../../store/storedRecords.ts';

export type { GroupQuery, GroupQueryPage, StoredGroup };

/** Why a new group was not written: its parent is missing or disabled, or its id is taken. */
export type InsertRefusal = 'parent-unavailable' | 'exists';

export interface GroupDirectory {
  /** One group with its version and counts, read strongly consistent. */
  group(id: string): Promise<StoredGroup | undefined>;
  /** Groups by id in one batched read; missing ids are absent from the map. */
  groups(ids: string[]): Promise<Map<string, GroupRecord>>;
  /** A page of a group's children, in id order. */
  children(parentId: string, query: GroupQuery): Promise<GroupQueryPage>;
  /** A page of every group beneath a group, in id order. */
  descendants(ancestorId: string, query: GroupQuery): Promise<GroupQueryPage>;
  /** Writes a new group under its active parent (counting it there); the refusal when it cannot. */
  insert(record: GroupRecord, audit: AuditEvent): Promise<InsertRefusal | undefined>;
  /** Replaces the group's record; throws `ConditionFailedError` when it is no longer at `version`. */
  replace(before: GroupRecord, after: GroupRecord, version: number, audit: AuditEvent): Promise<void>;
  /** Deletes a disabled group with no sub-groups or members still at `version`; false when it changed meanwhile. */
  remove(record: GroupRecord, version: number, audit: AuditEvent): Promise<boolean>;
}

export interface GroupDependencies {
  groups: GroupDirectory;
  now?: () => Date;
}

export interface Mutation {
  caller: Caller;
  requestId: string;
}
