/** Who sent an invitation: the `createdBy` of the pending membership item, read strongly consistent. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.ts';
import { membershipKey } from './keys.ts';

export async function getInvitationSender(table: TableRef, email: string, groupId: string): Promise<string | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({
      TableName: table.tableName,
      Key: membershipKey(email, groupId),
      ProjectionExpression: 'createdBy',
      ConsistentRead: true,
    }),
  );
  return typeof Item?.createdBy === 'string' ? Item.createdBy : undefined;
}
