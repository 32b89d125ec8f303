import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readEnvironment } from '../config/environment.ts';

export interface TableRef {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * One client per container, created outside handlers. `DYNAMODB_ENDPOINT` is set only
 * in local mode (DynamoDB Local); on AWS the SDK finds the regional endpoint itself.
 */
export function tableFromEnvironment(env: NodeJS.ProcessEnv = process.env): TableRef {
  const tableName = readEnvironment('tableName', env);
  if (!tableName) throw new Error('IAM_TABLE_NAME is not set');
  return { doc: createDocumentClient(readEnvironment('dynamoEndpoint', env)), tableName };
}

export function createDocumentClient(endpoint?: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient(
    endpoint
      ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {},
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

let cached: TableRef | undefined;
/** The table of this process, built lazily from the environment on first use. */
export function defaultTable(): TableRef {
  cached ??= tableFromEnvironment();
  return cached;
}
