import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Memberships, Role } from '../domain/roles.ts';
import type { TableRef } from './client.ts';
import { groupIdFromMembershipSk, MEMBERSHIP_SK_PREFIX, USER_PROFILE_SK, userKey, userPartition } from './keys.ts';
import { stripInternal } from './items.ts';
import type { UserRecord } from './records.ts';

export interface UserWithMemberships {
  user: UserRecord;
  memberships: Memberships;
}

/**
 * The user's profile and every membership, in one strongly consistent Query of the user's
 * partition (the authorizer's single DynamoDB request). Undefined when there is no profile.
 */
export async function loadUserWithMemberships(table: TableRef, email: string): Promise<UserWithMemberships | undefined> {
  let user: UserRecord | undefined;
  const memberships: Record<string, Role> = {};
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': userPartition(email) },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const sk = String(item.sk);
      if (sk === USER_PROFILE_SK) user = stripInternal<UserRecord>(item);
      else if (sk.startsWith(MEMBERSHIP_SK_PREFIX)) memberships[groupIdFromMembershipSk(sk)] = item.role as Role;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return user ? { user, memberships } : undefined;
}

export async function getUser(table: TableRef, email: string): Promise<UserRecord | undefined> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: userKey(email), ConsistentRead: true }));
  return Item ? stripInternal<UserRecord>(Item) : undefined;
}
