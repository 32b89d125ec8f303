import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/events/publishChanges.ts';
import { deliverChanges, type PublishEntry } from '../../shared/events/deliverChanges.ts';
import { auditEventPut } from '../../shared/store/audit.ts';
import { groupKey } from '../../shared/store/keys.ts';

function auditInsert(sequenceNumber: string, description: string) {
  const item = auditEventPut('table', {
    actor: 'ann@acme.com',
    action: 'group.updated',
    targetType: 'group',
    targetId: '/acme',
    before: { description: 'old' },
    after: { description },
    at: '2026-12-01T10:00:00.000Z',
    requestId: 'req-1',
  }).Put!.Item;
  return { eventName: 'INSERT', dynamodb: { SequenceNumber: sequenceNumber, NewImage: marshall(item) } };
}

const groupInsert = (sequenceNumber: string) => ({
  eventName: 'INSERT',
  dynamodb: { SequenceNumber: sequenceNumber, NewImage: marshall({ ...groupKey('/acme'), name: 'Acme' }) },
});

const auditRemoval = (sequenceNumber: string) => ({ ...auditInsert(sequenceNumber, 'expired'), eventName: 'REMOVE' });

const descriptionsOf = (entries: PublishEntry[]) => entries.map((entry) => entry.detail.changes.description?.after);

describe('delivering stream records', () => {
  it('publishes only inserted audit events, in stream order, ten per call', async () => {
    // Prepare
    const records = [
      groupInsert('1'),
      ...Array.from({ length: 12 }, (_, i) => auditInsert(String(i + 2), `d${i + 1}`)),
      auditRemoval('14'),
    ];
    const calls: PublishEntry[][] = [];

    // Act
    const result = await deliverChanges(records, async (entries) => {
      calls.push(entries);
      return [];
    });

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(calls.map((call) => call.length)).toEqual([10, 2]);
    expect(descriptionsOf(calls.flat())).toEqual(Array.from({ length: 12 }, (_, i) => `d${i + 1}`));
  });

  it('reports the first failed record and publishes nothing after it', async () => {
    // Prepare
    const records = Array.from({ length: 15 }, (_, i) => auditInsert(String(100 + i), `d${i}`));
    const calls: PublishEntry[][] = [];

    // Act
    const result = await deliverChanges(records, async (entries) => {
      calls.push(entries);
      return calls.length === 2 ? [3, 1] : [];
    });

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '111' }]);
    expect(calls).toHaveLength(2);
  });

  it('reports the first record of a call that threw', async () => {
    // Prepare
    const records = [auditInsert('7', 'a'), auditInsert('8', 'b')];

    // Act
    const result = await deliverChanges(records, async () => {
      throw new Error('network');
    });

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '7' }]);
  });

  it('publishes what precedes an unreadable record and reports that record, so retries and the dead-letter queue take it', async () => {
    // Prepare
    const unreadable = auditInsert('21', 'b');
    (unreadable.dynamodb.NewImage as Record<string, unknown>).changes = {};
    const records = [auditInsert('20', 'a'), unreadable, auditInsert('22', 'c')];
    const calls: PublishEntry[][] = [];

    // Act
    const result = await deliverChanges(records, async (entries) => {
      calls.push(entries);
      return [];
    });

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '21' }]);
    expect(descriptionsOf(calls.flat())).toEqual(['a']);
  });
});

describe('the stream consumer Lambda', () => {
  const eventBridge = mockClient(EventBridgeClient);

  beforeEach(() => {
    process.env.EVENT_BUS_NAME = 'iam-changes';
  });

  afterEach(() => {
    eventBridge.reset();
    delete process.env.EVENT_BUS_NAME;
  });

  it('puts each event on the bus with its type as detail-type and the event, with its id, as detail', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const record = auditInsert('5', 'new');

    // Act
    const result = await handler({ Records: [record] } as unknown as DynamoDBStreamEvent);

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries!;
    expect(entry).toMatchObject({ EventBusName: 'iam-changes', Source: 'sme-iam', DetailType: 'group.updated' });
    expect(JSON.parse(entry!.Detail!)).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'group.updated',
      changes: { description: { before: 'old', after: 'new' } },
    });
  });

  it('reports an entry EventBridge refused as a batch item failure', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e-1' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }],
    });

    // Act
    const result = await handler({ Records: [auditInsert('5', 'a'), auditInsert('6', 'b')] } as unknown as DynamoDBStreamEvent);

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '6' }]);
  });
});
