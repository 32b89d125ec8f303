import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchGetItems, coalescedBatchGet, itemKeyId } from '../../../shared/store/batchGet.ts';
import { fakeTable, TABLE_NAME } from '../helpers.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

const keyOf = (i: number) => ({ pk: `USER#u${i}@acme.com`, sk: '#PROFILE' });
const sentKeys = () =>
  dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems![TABLE_NAME]!.Keys as unknown[]);

describe('store/batchGet', () => {
  afterEach(() => {
    dynamo.reset();
    vi.useRealTimers();
  });

  describe('batchGetItems', () => {
    it('reads 250 keys in three requests of at most 100, each key once', async () => {
      // Prepare
      dynamo.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: unknown[] }> }) => ({
        Responses: { [TABLE_NAME]: input.RequestItems[TABLE_NAME]!.Keys },
      }));
      const keys = [...Array.from({ length: 250 }, (_, i) => keyOf(i)), keyOf(0)];

      // Act
      const items = await batchGetItems(fakeTable(), keys);

      // Assess
      expect(sentKeys().map((sent) => sent.length)).toEqual([100, 100, 50]);
      expect(items.size).toBe(250);
      expect(items.get(itemKeyId(keyOf(249)))).toEqual(keyOf(249));
    });

    it('asks again for the keys DynamoDB left unprocessed', async () => {
      // Prepare
      dynamo
        .on(BatchGetCommand)
        .resolvesOnce({ Responses: { [TABLE_NAME]: [keyOf(1)] }, UnprocessedKeys: { [TABLE_NAME]: { Keys: [keyOf(2)] } } })
        .resolvesOnce({ Responses: { [TABLE_NAME]: [keyOf(2)] } });

      // Act
      const items = await batchGetItems(fakeTable(), [keyOf(1), keyOf(2)]);

      // Assess
      expect(sentKeys()).toEqual([[keyOf(1), keyOf(2)], [keyOf(2)]]);
      expect([...items.keys()].sort()).toEqual([itemKeyId(keyOf(1)), itemKeyId(keyOf(2))]);
    });

    it('fails rather than answer with items missing when keys stay unprocessed', async () => {
      // Prepare: the backoff between attempts runs on fake timers.
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      dynamo.on(BatchGetCommand).resolves({ UnprocessedKeys: { [TABLE_NAME]: { Keys: [keyOf(1)] } } });

      // Act
      const outcome = expect(batchGetItems(fakeTable(), [keyOf(1)])).rejects.toThrow(/unprocessed after 8 attempts/);
      await vi.runAllTimersAsync();

      // Assess
      await outcome;
      expect(sentKeys()).toHaveLength(8);
    });
  });

  describe('coalescedBatchGet', () => {
    it('merges the reads asked for in the same turn into one request', async () => {
      // Prepare
      dynamo.on(BatchGetCommand).resolves({ Responses: { [TABLE_NAME]: [keyOf(1), keyOf(2)] } });
      const read = coalescedBatchGet(fakeTable);

      // Act
      const [first, second] = await Promise.all([read([keyOf(1)]), read([keyOf(2), keyOf(3)])]);

      // Assess
      expect(sentKeys()).toEqual([[keyOf(1), keyOf(2), keyOf(3)]]);
      expect(first!.has(itemKeyId(keyOf(1)))).toBe(true);
      expect(second!.has(itemKeyId(keyOf(2)))).toBe(true);
      expect(second!.has(itemKeyId(keyOf(3)))).toBe(false);
    });

    it('rejects every caller of the turn when the table cannot be had', async () => {
      // Prepare
      const read = coalescedBatchGet(() => {
        throw new Error('IAM_TABLE_NAME is not set');
      });

      // Act
      const outcomes = await Promise.allSettled([read([keyOf(1)]), read([keyOf(2)])]);

      // Assess
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(0);
    });
  });
});
