/**
 * Test set-up that goes straight to the real local components (DynamoDB Local and
 * cognito-local), for state the API cannot create yet or that a test must force.
 */
import { randomUUID } from 'node:crypto';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { generatePassword } from '../../../shared/config/passwordPolicy.ts';
import { parentGroupId } from '../../../shared/domain/groupPath.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import { createCognitoClient } from '../../../shared/identity/cognitoIdentity.ts';
import { createDocumentClient, type TableRef } from '../../../shared/store/client.ts';
import {
  groupIndexKeys,
  groupKey,
  membershipIndexKeys,
  membershipKey,
  userKey,
  userPartition,
} from '../../../shared/store/keys.ts';
import { GROUP_ENTITY } from '../../../shared/store/entities/groups.ts';
import { MEMBERSHIP_ENTITY, USER_ENTITY } from '../../../shared/store/entities/users.ts';
import { backfillMembershipSummary } from '../../../shared/store/membershipSummaryBackfill.ts';
import type { UserRecord } from '../../../shared/store/storedRecords.ts';

let table: TableRef | undefined;
export function testTable(): TableRef {
  const stack = inject('stack');
  table ??= { doc: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName };
  return table;
}

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
export const uniqueGroupName = (prefix = 'g') => `${prefix}-${randomUUID().slice(0, 8)}`;

export interface TestUser {
  email: string;
  password: string;
}

/** A user known to Cognito and to the service, with the given memberships. */
export async function createTestUser(options: {
  email?: string;
  memberships?: Record<string, Role>;
  state?: UserRecord['state'];
  /** A temporary password means the first login answers NEW_PASSWORD_REQUIRED. */
  temporary?: boolean;
  /** Nobody proved the address (its password was chosen by whoever made the login); by default the owner has. */
  unproved?: boolean;
  /** A profile as written before membership summaries existed (not yet backfilled); by default it has its complete summary. */
  withoutSummary?: boolean;
}): Promise<TestUser> {
  const stack = inject('stack');
  const email = options.email ?? uniqueEmail();
  const password = generatePassword();
  const cognito = createCognitoClient(stack.cognitoEndpoint);
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: stack.userPoolId,
      Username: email,
      TemporaryPassword: password,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  if (!options.temporary) {
    await cognito.send(
      new AdminSetUserPasswordCommand({ UserPoolId: stack.userPoolId, Username: email, Password: password, Permanent: true }),
    );
  }
  cognito.destroy();
  const { doc, tableName } = testTable();
  const at = new Date().toISOString();
  const memberships = options.memberships ?? {};
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...userKey(email),
        type: USER_ENTITY.type,
        version: 1,
        email,
        state: options.state ?? 'active',
        ...(options.unproved ? {} : { emailVerifiedAt: at }),
        createdBy: 'test',
        createdAt: at,
      },
    }),
  );
  await addTestMemberships(email, memberships, { withoutSummary: options.withoutSummary });
  return { email, password };
}

export async function updateUserRecord(email: string, changes: Partial<UserRecord>): Promise<void> {
  const { doc, tableName } = testTable();
  const names = Object.keys(changes);
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: userKey(email),
      UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, changes[name as keyof UserRecord]])),
    }),
  );
}

export async function readUserRecord(email: string): Promise<UserRecord | undefined> {
  const { doc, tableName } = testTable();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: userKey(email), ConsistentRead: true }));
  return Item as UserRecord | undefined;
}

/** A group written directly (with its parent link), for tests that predate the groups API. */
export async function createTestGroup(id: string): Promise<void> {
  const { doc, tableName } = testTable();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...groupKey(id),
        ...groupIndexKeys(id, parentGroupId(id)),
        type: GROUP_ENTITY.type,
        version: 1,
        id,
        name: id.split('/').pop(),
        state: 'active',
        createdBy: 'test',
        createdAt: new Date().toISOString(),
      },
    }),
  );
}

/** Memberships written directly, many at once (for users with hundreds of memberships). */
export async function addTestMemberships(
  email: string,
  memberships: Record<string, Role>,
  options: { withoutSummary?: boolean } = {},
): Promise<void> {
  const { doc, tableName } = testTable();
  const at = new Date().toISOString();
  const items = Object.entries(memberships).map(([groupId, role]) => ({
    PutRequest: {
      Item: {
        ...membershipKey(email, groupId),
        ...membershipIndexKeys(email, groupId),
        type: MEMBERSHIP_ENTITY.type,
        email,
        groupId,
        role,
        createdBy: 'test',
        createdAt: at,
      },
    },
  }));
  for (let start = 0; start < items.length; start += 25) {
    let batch: unknown[] = items.slice(start, start + 25);
    while (batch.length > 0) {
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch as never } }));
      batch = result.UnprocessedItems?.[tableName] ?? [];
    }
  }
  // Keep each group's member count true, as the service does, where the group exists.
  await Promise.all(
    Object.keys(memberships).map((groupId) =>
      doc
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: groupKey(groupId),
            UpdateExpression: 'ADD memberCount :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        )
        .catch((error: Error) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        }),
    ),
  );
  // The summary the service keeps beside the profile, as the backfill writes it.
  if (!options.withoutSummary) await backfillMembershipSummary(testTable(), email);
}

/** Every item left in a user's partition (profile and memberships). */
export async function userPartitionItems(email: string): Promise<Record<string, unknown>[]> {
  const { doc, tableName } = testTable();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': userPartition(email) },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}
