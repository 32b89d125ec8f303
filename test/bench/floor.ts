/** The floor for import time: a bundle that only creates a document client and sends one GetItem. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: { id: string }): Promise<unknown> {
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.IAM_TABLE_NAME, Key: { pk: event.id, sk: 'GROUP' } }));
  return Item;
}
