import type { TableRef } from '../store/client.ts';
import { queryTagValues, type TaggedResourceType } from '../store/tagUsageStore.ts';

/** The values of a tag in use within a group's subtree, one hierarchy level at a time, each with its label (its last level). */
export async function listTagValues(
  table: TableRef,
  groupId: string,
  request: { key: string; resourceType: TaggedResourceType; parentValue?: string; count: number; fromValue?: string },
): Promise<{ values: Record<string, string>; lastValue?: string }> {
  const page = await queryTagValues(table, { ...request, groupId, parentValue: request.parentValue ?? '', limit: request.count });
  return { values: Object.fromEntries(page.values.map((value) => [value, value.split('/').pop()!])), lastValue: page.lastValue };
}
