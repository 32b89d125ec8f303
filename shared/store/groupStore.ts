import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.ts';
import { groupKey } from './keys.ts';
import { stripInternal } from './items.ts';
import type { GroupRecord } from './records.ts';

export async function getGroup(table: TableRef, id: string): Promise<GroupRecord | undefined> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: groupKey(id) }));
  return Item ? stripInternal<GroupRecord>(Item) : undefined;
}
