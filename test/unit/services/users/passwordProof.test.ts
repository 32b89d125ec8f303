import { GetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { CognitoIdentity } from '../../../../shared/identity/cognitoIdentity.ts';
import { tablePasswordProof } from '../../../../shared/services/users/passwordProof.ts';
import { fakeTable } from '../../helpers.ts';
import { callerAs, NOW } from './userTestDependencies.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const AUTH_TIME = 1_780_000_000;
const caller = callerAs('ann@acme.com', '/acme', { '/acme': 'admin' }, { sessionId: 's-1', authTime: AUTH_TIME });
const SESSION_SK = `SESSION#${AUTH_TIME}#s-1`;

/** Ann's profile and her session, opened `minutesAgo` before NOW. */
function stored(minutesAgo: number) {
  dynamo
    .on(GetCommand, { Key: { pk: 'USER#ann@acme.com', sk: '#PROFILE' } })
    .resolves({ Item: { email: 'ann@acme.com', state: 'active', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'x' } })
    .on(GetCommand, { Key: { pk: 'USER#ann@acme.com', sk: SESSION_SK } })
    .resolves({
      Item: {
        email: 'ann@acme.com',
        sessionId: 's-1',
        authTime: AUTH_TIME,
        openedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
        lastRefreshedAt: NOW.toISOString(),
        method: 'password',
        expiresAt: NOW.getTime() / 1000 + 3600,
        profileCreatedAt: '2026-01-01T00:00:00.000Z',
      },
    });
}
const proof = () => tablePasswordProof({ table: fakeTable(), identity: {} as CognitoIdentity, now: () => NOW });

describe('services/users/passwordProof', () => {
  afterEach(() => dynamo.reset());

  describe('tablePasswordProof', () => {
    it('accepts a session opened in the last five minutes, answering it as the session to keep', async () => {
      stored(2);

      await expect(proof()(caller, undefined, 'req-1', undefined)).resolves.toBe(SESSION_SK);
    });

    it('refuses an older session without the current password with 403', async () => {
      stored(10);

      await expect(proof()(caller, undefined, 'req-1', undefined)).rejects.toMatchObject({
        kind: 'forbidden',
        message: expect.stringContaining('send your current password as currentPassword'),
      });
    });
  });
});
