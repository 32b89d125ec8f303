import { TransactWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { tableGroupDirectory } from '../../../shared/services/groups/tableGroupDirectory.ts';
import type { AuditEvent } from '../../../shared/store/storedRecords.ts';
import { fakeTable } from '../helpers.ts';
import { groupRecord } from './fakeGroupDirectory.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

const audit = (action: string, targetId: string): AuditEvent => ({
  actor: 'ann@acme.com',
  action,
  targetType: 'group',
  targetId,
  at: '2026-06-01T12:00:00.000Z',
  requestId: 'req-1',
});

/** DynamoDB's answer when the condition of the item at `failedIndex` failed. */
const conditionFailedAt = (failedIndex: number, items: number) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: Array.from({ length: items }, (_, i) => ({
      Code: i === failedIndex ? 'ConditionalCheckFailed' : 'None',
    })),
  });

const sentItems = () => dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

describe('services/groups/tableGroupDirectory', () => {
  afterEach(() => dynamo.reset());

  describe('insert', () => {
    it('writes the parent count, the group, its audit event and its tag counters in one transaction', async () => {
      // Prepare
      dynamo.on(TransactWriteCommand).resolves({});
      const record = groupRecord('/acme/finance', { tags: { region: 'uk' } });

      // Act
      const refusal = await tableGroupDirectory(fakeTable()).insert(record, audit('group.created', record.id));

      // Assess: one counter per scope (the group and its two ancestors) for the one tag value.
      expect(refusal).toBeUndefined();
      const items = sentItems();
      expect(items[0]!.Update!.Key).toEqual({ pk: 'GROUP#/acme', sk: 'GROUP' });
      expect(items[1]!.Put!.Item).toMatchObject({ pk: 'GROUP#/acme/finance', type: 'group', gsi1pk: 'CHILDREN#/acme' });
      expect(items[2]!.Put!.Item).toMatchObject({ type: 'group.created', target: { type: 'group', id: '/acme/finance' } });
      expect(items.slice(3)).toHaveLength(3);
    });

    it('tells a parent that is missing or disabled from an id that is taken', async () => {
      const record = groupRecord('/acme/finance');
      const directory = tableGroupDirectory(fakeTable());

      dynamo.on(TransactWriteCommand).rejectsOnce(conditionFailedAt(0, 3)).rejectsOnce(conditionFailedAt(1, 3));

      await expect(directory.insert(record, audit('group.created', record.id))).resolves.toBe('parent-unavailable');
      await expect(directory.insert(record, audit('group.created', record.id))).resolves.toBe('exists');
    });

    it('refuses with 400 a change whose tag counters outgrow one transaction, sending nothing', async () => {
      const deep = '/a/b/c/d/e/f/g/h/i/j';
      const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x/y']));

      const inserting = tableGroupDirectory(fakeTable()).insert(groupRecord(deep, { tags }), audit('group.created', deep));

      await expect(inserting).rejects.toMatchObject({ kind: 'invalid' });
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    });
  });

  describe('remove', () => {
    it('answers false when the group changed since it was read', async () => {
      dynamo.on(TransactWriteCommand).rejects(conditionFailedAt(0, 3));
      const record = groupRecord('/acme/old', { state: 'disabled' });

      await expect(tableGroupDirectory(fakeTable()).remove(record, 4, audit('group.deleted', record.id))).resolves.toBe(false);
    });
  });

  describe('replace', () => {
    it('writes the record at the version read, with the audit event and the tag counters that changed', async () => {
      // Prepare
      dynamo.on(TransactWriteCommand).resolves({});
      const before = groupRecord('/acme', { tags: { region: 'uk' } });
      const after = { ...before, tags: { region: 'fr' } };

      // Act
      await tableGroupDirectory(fakeTable()).replace(before, after, 7, audit('group.updated', '/acme'));

      // Assess: uk leaves and fr arrives at /acme and at /.
      const items = sentItems();
      expect(items[0]!.Update!.ExpressionAttributeValues).toMatchObject({ ':version': 7, ':next': 8 });
      expect(items[1]!.Put!.Item).toMatchObject({ type: 'group.updated' });
      expect(items.slice(2)).toHaveLength(4);
    });
  });
});
