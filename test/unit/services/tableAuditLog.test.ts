import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { tableAuditDependencies } from '../../../shared/services/audit/tableAuditLog.ts';
import { auditLogPartition, membershipKey, TABLE_INDEXES } from '../../../shared/store/keys.ts';
import { fakeTable, TABLE_NAME } from '../helpers.ts';
import { auditEvent } from './fakeAuditLog.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

describe('services/audit/tableAuditLog', () => {
  afterEach(() => dynamo.reset());

  describe('audit.page', () => {
    it('queries the tenant’s log on the tenant + time index, newest first, with the subtree as a filter', async () => {
      dynamo.on(QueryCommand).resolves({ Items: [] });

      await tableAuditDependencies(fakeTable()).audit.page({ tenantId: '/acme', subtree: '/acme/finance', limit: 10 });

      const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
      expect(input).toMatchObject({ IndexName: TABLE_INDEXES.byTenantTime.name, ScanIndexForward: false, Limit: 10 });
      expect(input.ExpressionAttributeValues).toMatchObject({ ':pk': auditLogPartition('/acme'), ':group': '/acme/finance' });
    });
  });

  describe('audit.event', () => {
    it('answers an event of the tenant’s log only within the subtree asked for', async () => {
      // Prepare
      const event = auditEvent(1, { groupId: '/acme/hr' });
      dynamo.on(QueryCommand).resolves({ Items: [event] });
      const { audit } = tableAuditDependencies(fakeTable());

      // Act
      const inTenant = await audit.event('/acme', event.id);
      const inOtherSubtree = await audit.event('/acme', event.id, '/acme/finance');

      // Assess
      expect(inTenant?.id).toBe(event.id);
      expect(inOtherSubtree).toBeUndefined();
    });
  });

  describe('memberships', () => {
    it('answers the accepted memberships among the pairs, never a pending invitation', async () => {
      dynamo.on(BatchGetCommand).resolves({
        Responses: {
          [TABLE_NAME]: [
            { ...membershipKey('ann@acme.com', '/acme'), email: 'ann@acme.com', groupId: '/acme' },
            { ...membershipKey('bob@acme.com', '/acme'), email: 'bob@acme.com', groupId: '/acme', status: 'pending' },
          ],
        },
      });

      const found = await tableAuditDependencies(fakeTable()).memberships([
        { email: 'ann@acme.com', groupId: '/acme' },
        { email: 'bob@acme.com', groupId: '/acme' },
      ]);

      expect([...found]).toEqual(['ann@acme.com|/acme']);
    });
  });
});
