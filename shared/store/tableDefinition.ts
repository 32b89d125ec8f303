/**
 * The table's physical shape, read by the CDK stack and by the local stack's provisioning,
 * so both create exactly the same table. Key meanings live in keys.ts.
 */
import { TABLE_INDEXES, TTL_ATTRIBUTE } from './keys.ts';

export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: TTL_ATTRIBUTE,
  /** Change events are published from the stream (shared/events/). */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: Object.values(TABLE_INDEXES).map((index) => ({
    indexName: index.name,
    partitionKey: index.pk,
    sortKey: index.sk,
  })),
} as const;
