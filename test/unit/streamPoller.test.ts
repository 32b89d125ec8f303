import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalEventSink } from '../../infrastructure/local/eventSink.ts';
import { startStreamPoller } from '../../infrastructure/local/streamPoller.ts';
import { STREAM_RETRY_ATTEMPTS } from '../../shared/events/deliverChanges.ts';
import { auditEventPut } from '../../shared/store/audit.ts';

const STREAM_ARN = 'arn:aws:dynamodb:local:000000000000:table/iam/stream/1';

function auditInsert(sequenceNumber: string, description: string): _Record {
  const item = auditEventPut('iam', {
    actor: 'ann@acme.com',
    action: 'group.updated',
    targetType: 'group',
    targetId: '/acme',
    after: { description },
    at: '2026-12-01T10:00:00.000Z',
    requestId: `req-${sequenceNumber}`,
  }).Put!.Item;
  return { eventName: 'INSERT', dynamodb: { SequenceNumber: sequenceNumber, NewImage: marshall(item) as never } };
}

/** A stored value no reader understands: `unmarshall` throws on it, wherever the stream serves it. */
function unreadableInsert(sequenceNumber: string): _Record {
  const record = auditInsert(sequenceNumber, 'unreadable');
  (record.dynamodb!.NewImage as Record<string, unknown>).changes = { M: { odd: { X: 'no such type' } } };
  return record;
}

describe('the local stream poller', () => {
  const dynamo = mockClient(DynamoDBClient);
  const streams = mockClient(DynamoDBStreamsClient);
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'poller-'));
    dynamo.on(DescribeTableCommand).resolves({ Table: { LatestStreamArn: STREAM_ARN } });
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [{ ShardId: 'shard-1' }] } });
  });

  afterEach(() => {
    dynamo.reset();
    streams.reset();
    vi.restoreAllMocks();
    rmSync(folder, { recursive: true, force: true });
  });

  const start = (sink: LocalEventSink, warn: (message: string) => void) =>
    startStreamPoller({
      dynamoEndpoint: 'http://127.0.0.1:1',
      tableName: 'iam',
      checkpointFile: join(folder, 'checkpoint.json'),
      deadLetterFile: join(folder, 'dead-letters.jsonl'),
      sink,
      idleMilliseconds: 1,
      warn,
    });

  it('sets a record that keeps failing aside after the retries, delivering what comes before and after it once', async () => {
    // Prepare: an iterator reads after the position it was asked for, as DynamoDB's do
    const records = [auditInsert('1', 'before'), unreadableInsert('2'), auditInsert('3', 'after')];
    streams.on(GetShardIteratorCommand).callsFake(async (input) => ({ ShardIterator: `after:${input.SequenceNumber ?? 0}` }));
    streams.on(GetRecordsCommand).callsFake(async ({ ShardIterator }) => {
      const position = Number(String(ShardIterator).replace('after:', ''));
      const page = records.filter((record) => Number(record.dynamodb!.SequenceNumber) > position);
      return { Records: page, NextShardIterator: `after:${page.at(-1)?.dynamodb?.SequenceNumber ?? position}` };
    });
    const sink = new LocalEventSink(join(folder, 'events.jsonl'));
    const readDeadLetters = () =>
      existsSync(join(folder, 'dead-letters.jsonl'))
        ? readFileSync(join(folder, 'dead-letters.jsonl'), 'utf8').split('\n').filter(Boolean)
        : [];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.fn();

    // Act
    const poller = await start(sink, warn);
    await vi.waitFor(() => expect(sink.read().map((line) => line.sequenceNumber)).toContain('3'), { timeout: 10_000 });
    await poller.stop();

    // Assess
    expect(sink.read().map((line) => line.detail.changes.description?.after)).toEqual(['before', 'after']);
    expect(readDeadLetters().map((line) => JSON.parse(line).record.dynamodb.SequenceNumber)).toEqual(['2']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(streams.commandCalls(GetRecordsCommand).length).toBeGreaterThan(STREAM_RETRY_ATTEMPTS);
  });
});
