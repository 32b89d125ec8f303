/**
 * Reads DynamoDB Local's stream of the table and runs the same consumer as the Lambda on AWS,
 * delivering to the local event sink. Its position (per shard, the last record handled) is kept
 * in a checkpoint file in the data folder, written after each delivery, so a restart resumes
 * where it stopped: nothing lost, nothing repeated. Parent shards are read before their
 * children, which keeps every item's events in order.
 */
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { deliverChanges, STREAM_RETRY_ATTEMPTS, type ChangeStreamRecord } from '../../shared/events/deliverChanges.ts';
import type { LocalEventSink } from './eventSink.ts';
import { faithfulStreamRecord } from './faithfulStreamRecord.ts';

export interface StreamPollerOptions {
  dynamoEndpoint: string;
  tableName: string;
  checkpointFile: string;
  /** Where records that keep failing are set aside, as the Lambda's dead-letter queue holds them on AWS. */
  deadLetterFile: string;
  sink: LocalEventSink;
  /** Records per GetRecords call. */
  batchSize?: number;
  idleMilliseconds?: number;
  /** Failures of the poller itself; they go to standard error unless given. */
  warn?: (message: string) => void;
}

interface Checkpoint {
  streamArn: string;
  shards: Record<string, { sequenceNumber?: string; closed?: boolean }>;
}

export interface StreamPoller {
  stop(): Promise<void>;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const laterOf = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined || BigInt(a) >= BigInt(b) ? a : b;

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const clientOptions = { endpoint: options.dynamoEndpoint, region: 'local', credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient(clientOptions);
  const streams = new DynamoDBStreamsClient(clientOptions);
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
  const checkpoint = resumePoint(options, streamArn);
  const iterators = new Map<string, string>();
  const warn = options.warn ?? ((message: string) => console.error(message));
  let running = true;

  const saveCheckpoint = () => {
    writeFileSync(`${options.checkpointFile}.tmp`, JSON.stringify(checkpoint));
    renameSync(`${options.checkpointFile}.tmp`, options.checkpointFile);
  };

  const iteratorFor = async (shardId: string): Promise<string | undefined> => {
    const known = iterators.get(shardId);
    if (known) return known;
    const after = checkpoint.shards[shardId]?.sequenceNumber;
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  };

  /** Reads one shard until it has nothing more for now. */
  const drainShard = async (shardId: string): Promise<void> => {
    while (running) {
      const iterator = await iteratorFor(shardId);
      if (!iterator) return;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: options.batchSize ?? 1000 }));
      const records = (page.Records ?? []).map((record) => faithfulStreamRecord(record as ChangeStreamRecord));
      const result = await deliverChanges(records, async (entries, sequenceNumbers) => {
        options.sink.append(entries.map((entry, index) => ({ ...entry, shardId, sequenceNumber: sequenceNumbers[index]! })));
        return [];
      });
      const failedAt = result.batchItemFailures[0]?.itemIdentifier;
      const failed = failedAt === undefined ? -1 : records.findIndex((record) => record.dynamodb?.SequenceNumber === failedAt);
      const setAside = failed >= 0 && giveUpOn(shardId, records[failed]!);
      const handled = failed < 0 ? records.length : setAside ? failed + 1 : failed;
      const position = (checkpoint.shards[shardId] ??= {});
      // What reached the sink (or the dead-letter file) counts as handled: a retry starts after it.
      const last = records[handled - 1]?.dynamodb?.SequenceNumber;
      if (last) position.sequenceNumber = last;
      if (failed < 0) failures.clear();
      if (failed >= 0) {
        if (last) saveCheckpoint();
        iterators.delete(shardId);
        return;
      }
      if (!page.NextShardIterator) position.closed = true;
      if (last || position.closed) saveCheckpoint();
      if (page.NextShardIterator) iterators.set(shardId, page.NextShardIterator);
      else iterators.delete(shardId);
      if (records.length === 0 || !page.NextShardIterator) return;
    }
  };

  /**
   * As the Lambda's event source does (its retries, then its dead-letter queue): a record that still
   * fails after STREAM_RETRY_ATTEMPTS retries is set aside in the local dead-letter file and the
   * stream moves past it, so one bad record never stops the local bus.
   */
  const failures = new Map<string, number>();
  const giveUpOn = (shardId: string, record: ChangeStreamRecord): boolean => {
    const key = `${shardId}/${record.dynamodb?.SequenceNumber}`;
    const attempts = (failures.get(key) ?? 0) + 1;
    failures.set(key, attempts);
    if (attempts <= STREAM_RETRY_ATTEMPTS) return false;
    failures.delete(key);
    appendFileSync(options.deadLetterFile, `${JSON.stringify({ shardId, record })}\n`);
    warn(
      `stream poller: record ${record.dynamodb?.SequenceNumber} of shard ${shardId} failed ${attempts} times; set aside in ${options.deadLetterFile}`,
    );
    return true;
  };

  const pollOnce = async () => {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    const present = new Set(shards.map((shard) => shard.ShardId));
    for (const shard of shards) {
      const id = shard.ShardId!;
      if (checkpoint.shards[id]?.closed) continue;
      const parent = shard.ParentShardId;
      if (parent && present.has(parent) && !checkpoint.shards[parent]?.closed) continue;
      await drainShard(id);
    }
  };

  const loop = (async () => {
    while (running) {
      try {
        await pollOnce();
      } catch (error) {
        iterators.clear();
        warn(`stream poller: ${(error as Error).name}: ${(error as Error).message}`);
      }
      if (running) await new Promise((resolve) => setTimeout(resolve, options.idleMilliseconds ?? 100));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      streams.destroy();
    },
  };
}

/**
 * The checkpoint file, or a fresh one for a new stream. A delivery that reached the sink but not
 * the checkpoint (a crash between the two writes) counts as handled, so it is not repeated.
 */
function resumePoint(options: StreamPollerOptions, streamArn: string): Checkpoint {
  const saved = existsSync(options.checkpointFile)
    ? (JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as Checkpoint)
    : undefined;
  const checkpoint: Checkpoint = saved?.streamArn === streamArn ? saved : { streamArn, shards: {} };
  for (const line of options.sink.read()) {
    const position = (checkpoint.shards[line.shardId] ??= {});
    position.sequenceNumber = laterOf(position.sequenceNumber, line.sequenceNumber);
  }
  return checkpoint;
}
