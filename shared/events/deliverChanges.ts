/**
 * The stream consumer's core, shared by the Lambda on AWS and the local stack's poller: picks
 * the audit events out of a batch of DynamoDB stream records, in stream order, and hands them
 * to a publisher. A failed entry stops the batch there and is reported, so the stream retries
 * from it and nothing after it is skipped. Entries after it in the same PutEvents call may then
 * go out twice: delivery is at least once, and consumers deduplicate on the event id.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { log } from '../observability/logger.ts';
import { EVENT_SOURCE, isAuditItemKey, toChangeEvent, type ChangeEvent, type StoredAuditItem } from './changeEvent.ts';

/** The part of a stream record we read: the Lambda event's records and the Streams API's records share it. */
export interface ChangeStreamRecord {
  eventName?: string;
  dynamodb?: {
    SequenceNumber?: string;
    NewImage?: Record<string, unknown>;
  };
}

export interface PublishEntry {
  source: string;
  detailType: string;
  detail: ChangeEvent;
}

/** Publishes up to PUBLISH_BATCH entries in order (with the stream positions they came from); answers the indexes that failed. */
export type Publisher = (entries: PublishEntry[], sequenceNumbers: string[]) => Promise<number[]>;

/** Retries of a failed record before it goes to the dead-letter queue: the Lambda's event source and the local poller alike. */
export const STREAM_RETRY_ATTEMPTS = 10;

/** EventBridge PutEvents takes at most 10 entries. */
export const PUBLISH_BATCH = 10;

export interface BatchResult {
  batchItemFailures: { itemIdentifier: string }[];
}

export function changeEntry(record: ChangeStreamRecord): PublishEntry | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (!isAuditItemKey(item.pk)) return undefined;
  const detail = toChangeEvent(item as StoredAuditItem);
  return { source: EVENT_SOURCE, detailType: detail.type, detail };
}

export async function deliverChanges(records: readonly ChangeStreamRecord[], publish: Publisher): Promise<BatchResult> {
  const { pending, unreadable } = readableEntries(records);
  for (let start = 0; start < pending.length; start += PUBLISH_BATCH) {
    const chunk = pending.slice(start, start + PUBLISH_BATCH);
    let failed: number[];
    try {
      failed = await publish(
        chunk.map(({ entry }) => entry),
        chunk.map(({ sequenceNumber }) => sequenceNumber),
      );
    } catch (error) {
      log.error('publishing change events failed', { error: { name: (error as Error).name } });
      failed = [0];
    }
    if (failed.length > 0) return { batchItemFailures: [{ itemIdentifier: chunk[Math.min(...failed)]!.sequenceNumber }] };
  }
  return { batchItemFailures: unreadable === undefined ? [] : [{ itemIdentifier: unreadable }] };
}

/**
 * The batch's entries up to the first record that cannot be read, and that record's position:
 * it is reported as the batch's failure, so the stream retries from it and, when retries run out,
 * hands it to the dead-letter queue, instead of one record failing every batch it is in.
 */
function readableEntries(records: readonly ChangeStreamRecord[]): {
  pending: { entry: PublishEntry; sequenceNumber: string }[];
  unreadable?: string;
} {
  const pending: { entry: PublishEntry; sequenceNumber: string }[] = [];
  for (const record of records) {
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
    try {
      const entry = changeEntry(record);
      if (entry) pending.push({ entry, sequenceNumber });
    } catch (error) {
      log.error('unreadable stream record', { sequenceNumber, error: { name: (error as Error).name } });
      return { pending, unreadable: sequenceNumber };
    }
  }
  return { pending };
}
