import { GetCommand, QueryCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { getUser, loadUserWithMemberships } from '../../../shared/store/userStore.ts';
import { fakeTable } from '../helpers.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

/** A profile item as an earlier version of the service wrote it: with the retired `sessionsValidAfter`. */
const olderProfileItem = {
  pk: 'USER#ann@acme.com',
  sk: '#PROFILE',
  type: 'user',
  version: 3,
  email: 'ann@acme.com',
  state: 'active',
  sessionsValidAfter: 1_796_119_201_000,
  createdBy: 'admin@acme.com',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('store/userStore', () => {
  afterEach(() => dynamo.reset());

  describe('getUser', () => {
    it('ignores a sessionsValidAfter an older item still holds', async () => {
      // Prepare
      dynamo.on(GetCommand).resolves({ Item: olderProfileItem });

      // Act
      const user = await getUser(fakeTable(), 'ann@acme.com');

      // Assess
      expect(user).toEqual({
        email: 'ann@acme.com',
        state: 'active',
        createdBy: 'admin@acme.com',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
    });
  });

  describe('loadUserWithMemberships', () => {
    it('reads the profile of an older item without sessionsValidAfter, with its version and memberships', async () => {
      // Prepare
      dynamo.on(QueryCommand).resolves({
        Items: [
          olderProfileItem,
          {
            pk: 'USER#ann@acme.com',
            sk: 'MEMBER#/acme',
            type: 'membership',
            email: 'ann@acme.com',
            groupId: '/acme',
            role: 'admin',
          },
        ],
      });

      // Act
      const loaded = await loadUserWithMemberships(fakeTable(), 'ann@acme.com');

      // Assess
      expect(loaded?.user).not.toHaveProperty('sessionsValidAfter');
      expect(loaded).toMatchObject({ version: 3, memberships: { '/acme': 'admin' }, pending: {} });
    });
  });
});
