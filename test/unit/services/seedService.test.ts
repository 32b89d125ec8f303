import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { CognitoIdentity } from '../../../shared/identity/cognitoIdentity.ts';
import { seedRootAndAdmin } from '../../../shared/services/seedService.ts';
import { fakeTable } from '../helpers.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

/** The two Cognito calls the seed makes, in memory: logins by email, and what was asked. */
function fakeIdentity(existing: string[] = [], failure?: Error) {
  const calls: string[] = [];
  const identity = {
    createUser: async (email: string, options: { invite: boolean }) => {
      calls.push(`create ${email} invite=${options.invite}`);
      if (failure) throw failure;
      if (existing.includes(email)) throw Object.assign(new Error('exists'), { name: 'UsernameExistsException' });
    },
    setPermanentPassword: async (email: string) => {
      calls.push(`password ${email}`);
    },
  };
  return { identity: identity as unknown as CognitoIdentity, calls };
}

const request = { adminEmail: ' Admin@Bank.example ', requestId: 'seed-1', now: new Date('2026-01-01T00:00:00.000Z') };

describe('services/seedService', () => {
  afterEach(() => dynamo.reset());

  describe('seedRootAndAdmin', () => {
    it('writes /, its invited admin, the membership and the audit event in one transaction, and invites the login', async () => {
      // Prepare
      dynamo.on(TransactWriteCommand).resolves({});
      const { identity, calls } = fakeIdentity();

      // Act
      const result = await seedRootAndAdmin(fakeTable(), identity, request);

      // Assess
      expect(result).toEqual({ created: true });
      const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
      expect(items.map((item) => item.Put?.Item?.type)).toEqual(['group', 'user', 'membership', 'summary', 'group.created']);
      expect(items[1]!.Put!.Item).toMatchObject({
        email: 'admin@bank.example',
        state: 'invited',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      expect(calls).toEqual(['create admin@bank.example invite=true']);
    });

    it('runs again without harm: the existing root and login are kept, and a local password is set', async () => {
      // Prepare
      dynamo.on(TransactWriteCommand).rejects(
        new TransactionCanceledException({
          message: 'exists',
          $metadata: {},
          CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
        }),
      );
      const { identity, calls } = fakeIdentity(['admin@bank.example']);

      // Act
      const result = await seedRootAndAdmin(fakeTable(), identity, { ...request, adminPassword: 'Local-Passw0rd!' });

      // Assess
      expect(result).toEqual({ created: false });
      expect(calls).toEqual(['create admin@bank.example invite=false', 'password admin@bank.example']);
    });

    it('fails on any other Cognito error', async () => {
      dynamo.on(TransactWriteCommand).resolves({});
      const { identity } = fakeIdentity([], Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }));

      await expect(seedRootAndAdmin(fakeTable(), identity, request)).rejects.toThrow('throttled');
    });
  });
});
