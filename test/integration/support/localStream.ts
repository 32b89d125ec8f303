/**
 * DynamoDB Local's stream as its HTTP API serves it, before any SDK parses it: for the canary
 * that tells when the local poller's repair of the emulator's stream records is no longer needed.
 */
import { inject } from 'vitest';

const target = (service: 'DynamoDB_20120810' | 'DynamoDBStreams_20120810', operation: string) => `${service}.${operation}`;

async function call<T>(service: 'DynamoDB_20120810' | 'DynamoDBStreams_20120810', operation: string, body: object): Promise<T> {
  const response = await fetch(inject('stack').dynamoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': target(service, operation),
      // DynamoDB Local reads the access key from the credential scope and checks no signature.
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${operation} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

type RawImage = Record<string, unknown>;
interface RawRecords {
  Records: { dynamodb: { NewImage?: RawImage } }[];
  NextShardIterator?: string;
}

export async function writeRawItem(item: Record<string, unknown>): Promise<void> {
  await call('DynamoDB_20120810', 'PutItem', { TableName: inject('stack').tableName, Item: item });
}

/** Reads the open shard from its end, so only records written after this call are seen. */
export async function openLocalStreamTail(): Promise<{ nextImageOf(pk: string): Promise<RawImage> }> {
  const { Table } = await call<{ Table: { LatestStreamArn: string } }>('DynamoDB_20120810', 'DescribeTable', {
    TableName: inject('stack').tableName,
  });
  const { StreamDescription } = await call<{
    StreamDescription: { Shards: { ShardId: string; SequenceNumberRange: { EndingSequenceNumber?: string } }[] };
  }>('DynamoDBStreams_20120810', 'DescribeStream', { StreamArn: Table.LatestStreamArn });
  const open = StreamDescription.Shards.find((shard) => !shard.SequenceNumberRange.EndingSequenceNumber)!;
  let { ShardIterator: iterator } = await call<{ ShardIterator: string }>('DynamoDBStreams_20120810', 'GetShardIterator', {
    StreamArn: Table.LatestStreamArn,
    ShardId: open.ShardId,
    ShardIteratorType: 'LATEST',
  });
  return {
    async nextImageOf(pk) {
      for (let reads = 0; reads < 100 && iterator; reads++) {
        const page = await call<RawRecords>('DynamoDBStreams_20120810', 'GetRecords', { ShardIterator: iterator });
        const found = page.Records.find((record) => (record.dynamodb.NewImage?.pk as { S?: string })?.S === pk);
        if (found) return found.dynamodb.NewImage!;
        iterator = page.NextShardIterator!;
      }
      throw new Error(`No stream record of ${pk} in 100 reads`);
    },
  };
}
