import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNUP_POLICY } from '../../../shared/config/signup.ts';
import { tableSignupStore } from '../../../shared/services/signup/tableSignupStore.ts';
import { fakeTable } from '../helpers.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const NOW = new Date('2026-06-01T12:15:00.000Z');

describe('services/signup/tableSignupStore', () => {
  afterEach(() => dynamo.reset());

  describe('countFrom', () => {
    it('counts the sign-up in the current hour, and answers the seconds left in it once the limit is reached', async () => {
      // Prepare
      dynamo
        .on(UpdateCommand)
        .resolvesOnce({})
        .rejectsOnce(new ConditionalCheckFailedException({ message: 'limit', $metadata: {} }));
      const store = tableSignupStore(fakeTable());

      // Act
      const first = await store.countFrom('203.0.113.7', NOW);
      const over = await store.countFrom('203.0.113.7', NOW);

      // Assess
      expect(first).toBeUndefined();
      expect(over).toBe(45 * 60);
      expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({
        ':limit': SIGNUP_POLICY.perIpPerHour,
      });
    });
  });

  describe('pending', () => {
    it('keeps the business name with an expiry, and reads it back only until then', async () => {
      // Prepare
      dynamo.on(PutCommand).resolves({});
      const store = tableSignupStore(fakeTable());
      await store.rememberPending('jo@bloom.example', 'Bloom', NOW);
      const item = dynamo.commandCalls(PutCommand)[0]!.args[0].input.Item!;
      dynamo.on(GetCommand).resolves({ Item: item });

      // Act
      const before = await store.pending('jo@bloom.example', NOW);
      const after = await store.pending(
        'jo@bloom.example',
        new Date(NOW.getTime() + (SIGNUP_POLICY.pendingHours + 1) * 3_600_000),
      );

      // Assess
      expect(item).toMatchObject({ type: 'pendingSignup', businessName: 'Bloom' });
      expect(before).toEqual({ businessName: 'Bloom' });
      expect(after).toBeUndefined();
    });

    it('forgets a pending sign-up by its key', async () => {
      dynamo.on(DeleteCommand).resolves({});

      await tableSignupStore(fakeTable()).forgetPending('jo@bloom.example');

      expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(1);
    });
  });

  describe('profile', () => {
    it('answers undefined for an email with no profile', async () => {
      dynamo.on(QueryCommand).resolves({ Items: [] });

      await expect(tableSignupStore(fakeTable()).profile('nobody@example.com')).resolves.toBeUndefined();
    });
  });
});
