import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { tableTenantDirectory } from '../../../shared/services/tenants/tableTenantDirectory.ts';
import type { OwnerTenant } from '../../../shared/services/tenants/tenantDirectory.ts';
import type { AuditEvent } from '../../../shared/store/storedRecords.ts';
import { fakeTable } from '../helpers.ts';
import { groupRecord } from './fakeGroupDirectory.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const AT = '2026-06-01T12:00:00.000Z';

const audit = (action: string): AuditEvent => ({
  actor: 'staff@bank.example',
  action,
  targetType: 'group',
  targetId: '/acme',
  at: AT,
  requestId: 'req-1',
});

const conditionFailedAt = (failedIndex: number, items: number) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: Array.from({ length: items }, (_, i) => ({
      Code: i === failedIndex ? 'ConditionalCheckFailed' : 'None',
    })),
  });

const sentItems = () => dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

const business = (replacingVersion?: number): OwnerTenant => ({
  tenant: groupRecord('/bloom', { plan: 'sole-trader' }),
  owner: { email: 'jo@bloom.example', state: 'active', defaultGroup: '/bloom', createdBy: 'signup', createdAt: AT },
  membership: { email: 'jo@bloom.example', groupId: '/bloom', role: 'admin', createdBy: 'signup', createdAt: AT },
  replacingVersion,
});

describe('services/tenants/tableTenantDirectory', () => {
  afterEach(() => dynamo.reset());

  describe('tenant', () => {
    it('reads the tenant strongly consistent, with its user count and limit', async () => {
      dynamo.on(GetCommand).resolves({
        Item: {
          pk: 'GROUP#/acme',
          sk: 'GROUP',
          version: 2,
          userCount: 3,
          userLimit: 5,
          ...groupRecord('/acme', { plan: 'team' }),
        },
      });

      const tenant = await tableTenantDirectory(fakeTable()).tenant('/acme');

      expect(tenant).toMatchObject({ version: 2, userCount: 3, userLimit: 5, record: { id: '/acme', plan: 'team' } });
      expect(dynamo.commandCalls(GetCommand)[0]!.args[0].input.ConsistentRead).toBe(true);
    });
  });

  describe('insert', () => {
    it("counts the tenant under an active /, writes it with no users and its plan's limit, with its audit event", async () => {
      dynamo.on(TransactWriteCommand).resolves({});

      const inserted = await tableTenantDirectory(fakeTable()).insert(
        groupRecord('/acme', { plan: 'team' }),
        5,
        audit('tenant.created'),
      );

      expect(inserted).toBe(true);
      const [root, tenant, event] = sentItems();
      expect(root!.Update!.ConditionExpression).toContain('#state = :active');
      expect(tenant!.Put!.Item).toMatchObject({ type: 'group', plan: 'team', userCount: 0, userLimit: 5 });
      expect(event!.Put!.Item).toMatchObject({ type: 'tenant.created' });
    });

    it('answers false when the id is taken', async () => {
      dynamo.on(TransactWriteCommand).rejects(conditionFailedAt(1, 3));

      await expect(tableTenantDirectory(fakeTable()).insert(groupRecord('/acme'), 5, audit('tenant.created'))).resolves.toBe(
        false,
      );
    });
  });

  describe('changePlan', () => {
    it('sets the plan only while the users fit its limit, and answers false when they do not', async () => {
      dynamo.on(TransactWriteCommand).rejects(conditionFailedAt(0, 2));

      const changed = await tableTenantDirectory(fakeTable()).changePlan(
        '/acme',
        'sole-trader',
        1,
        { actor: 'staff@bank.example', at: AT },
        audit('tenant.plan_changed'),
      );

      expect(changed).toBe(false);
      expect(sentItems()[0]!.Update!.ConditionExpression).toContain('userCount <= :limit');
    });
  });

  describe('insertForOwner', () => {
    it('writes a new profile for a new owner, or replaces the waiting one at its version', async () => {
      dynamo.on(TransactWriteCommand).resolves({});
      const directory = tableTenantDirectory(fakeTable());

      await directory.insertForOwner(business(), audit('tenant.signed_up'));
      await directory.insertForOwner(business(3), audit('tenant.signed_up'));

      const [fresh, replacing] = dynamo
        .commandCalls(TransactWriteCommand)
        .map((call) => call.args[0].input.TransactItems![1]!.Put!);
      expect(fresh!.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(replacing!.ExpressionAttributeValues).toMatchObject({ ':version': 3 });
    });

    it('tells an owner who already has a profile from a taken tenant name', async () => {
      const directory = tableTenantDirectory(fakeTable());
      dynamo.on(TransactWriteCommand).rejectsOnce(conditionFailedAt(1, 5)).rejectsOnce(conditionFailedAt(0, 5));

      await expect(directory.insertForOwner(business(), audit('tenant.signed_up'))).resolves.toBe('has-account');
      await expect(directory.insertForOwner(business(), audit('tenant.signed_up'))).resolves.toBe('name-taken');
    });

    it('lets any other failure through', async () => {
      dynamo.on(TransactWriteCommand).rejects(new Error('network down'));

      await expect(tableTenantDirectory(fakeTable()).insertForOwner(business(), audit('tenant.signed_up'))).rejects.toThrow(
        'network down',
      );
    });
  });
});
