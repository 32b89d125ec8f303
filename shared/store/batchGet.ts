/**
 * Reads of many items by key: BatchGetItem takes at most 100 keys, and may answer part of them
 * (UnprocessedKeys) when the table is busy. Every read is strongly consistent.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.ts';

export type ItemKey = { pk: string; sk: string };
export type StoredItem = Record<string, unknown>;

export const BATCH_GET_LIMIT = 100;
const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 20;

export const itemKeyId = (key: ItemKey): string => `${key.pk}\u0000${key.sk}`;

/** The items found for `keys` (duplicates read once), by `itemKeyId`; missing items are absent. */
export async function batchGetItems(table: TableRef, keys: readonly ItemKey[]): Promise<Map<string, StoredItem>> {
  const distinct = [...new Map(keys.map((key) => [itemKeyId(key), key])).values()];
  const chunks: ItemKey[][] = [];
  for (let start = 0; start < distinct.length; start += BATCH_GET_LIMIT)
    chunks.push(distinct.slice(start, start + BATCH_GET_LIMIT));
  const found = new Map<string, StoredItem>();
  await Promise.all(
    chunks.map(async (chunk) => {
      for (const item of await readChunk(table, chunk)) found.set(itemKeyId({ pk: String(item.pk), sk: String(item.sk) }), item);
    }),
  );
  return found;
}

async function readChunk(table: TableRef, keys: ItemKey[]): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  let pending: Record<string, unknown>[] = keys;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS)
      throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ATTEMPTS} attempts`);
    // Unprocessed keys mean the table is throttling: back off before asking again, as AWS advises.
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, FIRST_BACKOFF_MS * 2 ** (attempt - 2)));
    const result = await table.doc.send(
      new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    items.push(...(result.Responses?.[table.tableName] ?? []));
    pending = (result.UnprocessedKeys?.[table.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
  }
  return items;
}

/**
 * A reader that merges every request made in the same turn of the event loop into one
 * `batchGetItems`: independent loaders (custom roles, group configurations) asked for together
 * cost one set of requests instead of one each.
 */
export function coalescedBatchGet(table: () => TableRef): (keys: readonly ItemKey[]) => Promise<Map<string, StoredItem>> {
  let queued: {
    keys: readonly ItemKey[];
    resolve: (items: Map<string, StoredItem>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const flush = () => {
    const batch = queued;
    queued = [];
    // Inside a promise, so that even a missing table setting rejects the callers instead of throwing in a timer.
    Promise.resolve()
      .then(() =>
        batchGetItems(
          table(),
          batch.flatMap((request) => request.keys),
        ),
      )
      .then(
        (items) => batch.forEach((request) => request.resolve(items)),
        (error: unknown) => batch.forEach((request) => request.reject(error)),
      );
  };
  return (keys) =>
    new Promise((resolve, reject) => {
      if (queued.length === 0) setImmediate(flush);
      queued.push({ keys, resolve, reject });
    });
}
