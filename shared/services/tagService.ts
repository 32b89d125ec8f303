import type { TableRef } from '../store/client.ts';
import { queryTagValues, type TaggedResourceType, type TagValuePage } from '../store/tagUsageStore.ts';

export type TagValueQuery = Parameters<typeof queryTagValues>[1];

/** The port tag listings read through: a page of the values in use at one level beneath a group. */
export interface TagValueIndex {
  valuesInUse(query: TagValueQuery): Promise<TagValuePage>;
}

export const tableTagValueIndex = (table: TableRef): TagValueIndex => ({ valuesInUse: (query) => queryTagValues(table, query) });

/** The values of a tag in use within a group's subtree, one hierarchy level at a time, each with its label (its last level). */
export async function listTagValues(
  index: TagValueIndex,
  groupId: string,
  request: { key: string; resourceType: TaggedResourceType; parentValue?: string; count: number; fromValue?: string },
): Promise<{ values: Record<string, string>; lastValue?: string }> {
  const page = await index.valuesInUse({ ...request, groupId, parentValue: request.parentValue ?? '', limit: request.count });
  return { values: Object.fromEntries(page.values.map((value) => [value, value.split('/').pop()!])), lastValue: page.lastValue };
}
