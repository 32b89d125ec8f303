import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { tableRoleCatalog } from '../../../shared/services/roles/tableRoleCatalog.ts';
import type { AuditEvent } from '../../../shared/store/storedRecords.ts';
import { fakeTable, TABLE_NAME } from '../helpers.ts';
import { storedRole } from './fakeRoleCatalog.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

const audit = (action: string): AuditEvent => ({
  actor: 'ann@acme.com',
  action,
  targetType: 'group',
  targetId: '/acme',
  at: '2026-06-01T12:00:00.000Z',
  requestId: 'req-1',
});

const conditionFailed = new TransactionCanceledException({
  message: 'Transaction cancelled',
  $metadata: {},
  CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
});

/** A definition as the use case inserts it: without its use count. */
const newRole = () => {
  const { name, definedAt, actions, createdBy, createdAt } = storedRole('clerk', '/acme', ['payments:read']);
  return { name, definedAt, actions, createdBy, createdAt };
};

const sentItems = () => dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

describe('services/roles/tableRoleCatalog', () => {
  afterEach(() => dynamo.reset());

  describe('usableAt', () => {
    it('answers the nearest definition at the group or above it, from one batched read', async () => {
      // Prepare
      const item = (definedAt: string) => ({ pk: `ROLE#${definedAt}`, sk: 'clerk', definedAt, actions: ['a:read'], useCount: 1 });
      dynamo.on(BatchGetCommand).resolves({ Responses: { [TABLE_NAME]: [item('/'), item('/acme')] } });

      // Act
      const role = await tableRoleCatalog(fakeTable()).usableAt('/acme/finance', 'clerk');

      // Assess
      expect(role).toMatchObject({ name: 'clerk', definedAt: '/acme', useCount: 1 });
      expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(1);
    });
  });

  describe('insert', () => {
    it('writes the role (unused, typed as a role) and its audit event in one transaction', async () => {
      dynamo.on(TransactWriteCommand).resolves({});
      const role = newRole();

      await expect(tableRoleCatalog(fakeTable()).insert(role, audit('role.created'))).resolves.toBe(true);

      const [put, event] = sentItems();
      expect(put!.Put!.Item).toMatchObject({ type: 'role', useCount: 0, actions: ['payments:read'] });
      expect(put!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(event!.Put!.Item).toMatchObject({ type: 'role.created' });
    });

    it('answers false when the group already defines the name', async () => {
      dynamo.on(TransactWriteCommand).rejects(conditionFailed);
      const role = newRole();

      await expect(tableRoleCatalog(fakeTable()).insert(role, audit('role.created'))).resolves.toBe(false);
    });
  });

  describe('removeUnused', () => {
    it('deletes only while no membership uses the role, and answers false when one does', async () => {
      // Prepare
      dynamo.on(TransactWriteCommand).rejects(conditionFailed);

      // Act
      const removed = await tableRoleCatalog(fakeTable()).removeUnused(
        storedRole('clerk', '/acme', ['a:read']),
        audit('role.deleted'),
      );

      // Assess
      expect(removed).toBe(false);
      expect(sentItems()[0]!.Delete!.ConditionExpression).toContain('useCount = :zero');
    });

    it('lets any other failure through', async () => {
      dynamo.on(TransactWriteCommand).rejects(new Error('network down'));

      await expect(
        tableRoleCatalog(fakeTable()).removeUnused(storedRole('clerk', '/acme', ['a:read']), audit('role.deleted')),
      ).rejects.toThrow('network down');
    });
  });

  describe('replace', () => {
    it('updates the existing definition with its audit event', async () => {
      dynamo.on(TransactWriteCommand).resolves({});

      await tableRoleCatalog(fakeTable()).replace(
        storedRole('clerk', '/acme', ['a:read'], { updatedBy: 'x', updatedAt: 'y' }),
        audit('role.updated'),
      );

      const [update] = sentItems();
      expect(update!.Update!.ConditionExpression).toBe('attribute_exists(pk)');
    });
  });

  describe('definedAt', () => {
    it('reads the roles defined at exactly the group', async () => {
      dynamo.on(QueryCommand).resolves({ Items: [{ sk: 'clerk', definedAt: '/acme', actions: ['a:read'] }] });

      const roles = await tableRoleCatalog(fakeTable()).definedAt('/acme');

      expect(roles.map((role) => role.name)).toEqual(['clerk']);
    });
  });
});
