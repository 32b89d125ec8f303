/**
 * Session state a test must force or read straight from the local components: a login or a
 * refresh made at the emulator directly with the public client id (as an attacker would), and
 * session items aged or listed in DynamoDB Local.
 */
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createCognitoClient } from '../../../shared/identity/cognitoIdentity.ts';
import { SESSION_SK_PREFIX, userPartition } from '../../../shared/store/keys.ts';
import { testTable } from './fixtures.ts';

const cognito = () => createCognitoClient(inject('stack').cognitoEndpoint);

/** Logs in at Cognito itself, skipping the service: what anyone with the public client id can do. */
export async function loginAtCognito(email: string, password: string): Promise<{ accessToken: string; idToken: string }> {
  const result = await cognito().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: inject('stack').apiClientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  return { accessToken: result.AuthenticationResult!.AccessToken!, idToken: result.AuthenticationResult!.IdToken! };
}

/** Refreshes at Cognito itself, skipping the service's check of the session. */
export async function refreshAtCognito(refreshToken: string): Promise<string> {
  const result = await cognito().send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: inject('stack').apiClientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );
  return result.AuthenticationResult!.AccessToken!;
}

/** The session items of a user, as stored. */
export async function sessionItems(email: string): Promise<Record<string, unknown>[]> {
  const { doc, tableName } = testTable();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sessions)',
      ExpressionAttributeValues: { ':pk': userPartition(email), ':sessions': SESSION_SK_PREFIX },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

/** Makes every session of the user look as if its login happened `minutes` ago (past the fresh-proof window). */
export async function ageSessions(email: string, minutes: number): Promise<void> {
  const { doc, tableName } = testTable();
  const openedAt = new Date(Date.now() - minutes * 60_000).toISOString();
  for (const item of await sessionItems(email)) {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET openedAt = :openedAt',
        ExpressionAttributeValues: { ':openedAt': openedAt },
      }),
    );
  }
}
