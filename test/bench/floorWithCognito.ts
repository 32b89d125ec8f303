/**
 * The floor for a handler that calls Cognito: the floor's one GetItem, plus Cognito's client and one
 * command. What a Cognito-calling handler imports beyond this is our code, zod and the logger.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const cognito = new CognitoIdentityProviderClient({});

export async function handler(event: { id: string }): Promise<unknown> {
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.IAM_TABLE_NAME, Key: { pk: event.id, sk: 'GROUP' } }));
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: process.env.COGNITO_USER_POOL_ID, Username: event.id }));
  return { Item, status: user.UserStatus };
}
