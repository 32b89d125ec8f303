import { GetCommand, QueryCommand, TransactWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { tableUserDirectory } from '../../../../shared/services/users/tableUserDirectory.ts';
import type { UserChange } from '../../../../shared/services/users/userDirectory.ts';
import { fakeTable } from '../../helpers.ts';
import { membershipRecord, userRecord } from '../fakeUserDirectory.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const at = '2026-06-01T12:00:00.000Z';
const audit = (action: string) => ({
  actor: 'ann@acme.com',
  action,
  targetType: 'user' as const,
  targetId: 'bob@acme.com',
  at,
  requestId: 'req-1',
});
const sentItems = () => dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

/** A grant of the custom role `approver` at /acme to Bob, a member of /acme/finance, demoting nobody. */
const grant: UserChange = {
  groups: { before: ['/acme/finance'], after: ['/acme/finance', '/acme'], joining: '/acme' },
  profile: { put: userRecord('bob@acme.com', { tags: { team: 'ops' } }), version: 3 },
  memberships: [membershipRecord('bob@acme.com', '/acme', 'approver', { roleDefinedAt: '/acme' })],
  roleUses: { stopping: [], starting: [{ role: 'approver', source: '/acme' }] },
  audit: audit('membership.granted'),
  tagPlacement: {
    before: [{ scopes: ['/acme/finance'], tags: { team: 'ops' } }],
    after: [{ scopes: ['/acme/finance', '/acme'], tags: { team: 'ops' } }],
  },
  rootAdminGuard: 2,
  endedSessions: ['SESSION#0000000001#s-1'],
};

describe('services/users/tableUserDirectory', () => {
  afterEach(() => dynamo.reset());

  describe('apply', () => {
    it('writes the counters, the profile at its version, the membership, the role use, the audit event, tags, guard, sessions and the listing summary in one transaction', async () => {
      // Prepare
      dynamo.on(TransactWriteCommand).resolves({});

      // Act
      await tableUserDirectory(fakeTable()).apply(grant);

      // Assess
      const items = sentItems();
      const keys = items.map((item) =>
        item.Put?.Item ? { pk: item.Put.Item.pk, sk: item.Put.Item.sk } : (item.Update ?? item.Delete)!.Key,
      );
      expect(keys).toEqual([
        { pk: 'GROUP#/acme', sk: 'GROUP' },
        { pk: 'USER#bob@acme.com', sk: '#PROFILE' },
        { pk: 'USER#bob@acme.com', sk: 'MEMBER#/acme' },
        { pk: 'ROLE#/acme', sk: 'approver' },
        expect.objectContaining({ pk: expect.stringMatching(/^AUDIT#/) }),
        // the tag value starts being counted at /acme, where Bob now has a membership
        expect.objectContaining({ pk: 'TAGUSE#user#/acme#team', sk: expect.stringContaining('ops') }),
        { pk: 'GUARD#ROOT_ADMINS', sk: 'GUARD' },
        { pk: 'USER#bob@acme.com', sk: 'SESSION#0000000001#s-1' },
        { pk: 'USER#bob@acme.com', sk: '#SUMMARY' },
      ]);
      expect(items[1]!.Put!.ExpressionAttributeValues).toEqual({ ':version': 3 });
      expect(items[0]!.Update!.ConditionExpression).toContain('#state = :active');
    });

    it('writes a new profile only where none exists, and deletes one only at its version', async () => {
      dynamo.on(TransactWriteCommand).resolves({});
      const directory = tableUserDirectory(fakeTable());

      await directory.apply({ profile: { put: userRecord('bob@acme.com') }, audit: audit('user.invited') });
      await directory.apply({ profile: { remove: 'bob@acme.com', version: 4 }, audit: audit('user.deleted') });

      const [created, deleted] = dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems![0]!);
      expect(created!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(deleted!.Delete).toMatchObject({
        Key: { pk: 'USER#bob@acme.com', sk: '#PROFILE' },
        ExpressionAttributeValues: { ':version': 4 },
      });
    });

    it('writes an invitation only over nothing or another invitation', async () => {
      dynamo.on(TransactWriteCommand).resolves({});

      await tableUserDirectory(fakeTable()).apply({
        profile: { put: userRecord('bob@acme.com'), version: 1 },
        invitations: [membershipRecord('bob@acme.com', '/acme', 'reader')],
        audit: audit('membership.invited'),
      });

      expect(sentItems()[1]!.Put).toMatchObject({
        Item: { status: 'pending' },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
      });
    });

    it('refuses with 400 a change that outgrows one transaction, sending nothing', async () => {
      // Prepare: 120 ended sessions
      const directory = tableUserDirectory(fakeTable());
      const change = { ...grant, endedSessions: Array.from({ length: 120 }, (_, i) => `SESSION#${i}`) };

      // Act and Assess
      expect(directory.fits(change)).toBe(false);
      expect(directory.fits(grant)).toBe(true);
      await expect(directory.apply(change)).rejects.toMatchObject({ kind: 'invalid' });
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    });

    it('reports a failed condition as ConditionFailedError, for the use case to read again', async () => {
      dynamo.on(TransactWriteCommand).rejects(
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
        }),
      );

      await expect(tableUserDirectory(fakeTable()).apply(grant)).rejects.toMatchObject({
        name: 'ConditionFailedError',
        failedIndexes: [1],
      });
    });
  });

  describe('otherRootAdmins', () => {
    it('reads the guard, then the admins of / but the one leaving (invitations left out), with their states', async () => {
      // Prepare
      dynamo
        .on(GetCommand, { Key: { pk: 'GUARD#ROOT_ADMINS', sk: 'GUARD' } })
        .resolves({ Item: { version: 4 } })
        .on(GetCommand, { Key: { pk: 'USER#two@bank.example', sk: '#PROFILE' } })
        .resolves({ Item: { email: 'two@bank.example', state: 'disabled' } });
      dynamo.on(QueryCommand).resolves({
        Items: [
          { email: 'root@bank.example', role: 'admin' },
          { email: 'two@bank.example', role: 'admin' },
          { email: 'new@bank.example', role: 'admin', status: 'pending' },
          { email: 'read@bank.example', role: 'reader' },
        ],
      });

      // Act
      const found = await tableUserDirectory(fakeTable()).otherRootAdmins('root@bank.example');

      // Assess
      expect(found).toEqual({ guardVersion: 4, admins: [{ email: 'two@bank.example', state: 'disabled' }] });
    });
  });

  describe('loginHistory', () => {
    it('answers the login attempts, newest first, with the token of the next page', async () => {
      dynamo.on(QueryCommand).resolves({ Items: [{ at, outcome: 'success', sourceIp: '203.0.113.7' }] });

      const page = await tableUserDirectory(fakeTable()).loginHistory('bob@acme.com', { count: 1 });

      expect(page).toEqual({
        logins: [{ at, outcome: 'success', sourceIp: '203.0.113.7', userAgent: undefined }],
        nextToken: undefined,
      });
      expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ ScanIndexForward: false, Limit: 1 });
    });
  });
});
