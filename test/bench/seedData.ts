/**
 * Bulk data for the benchmarks, written straight to DynamoDB in the same item shapes the
 * service writes (putNewGroup, the user and membership keys), so a 10,000-group tree takes
 * seconds instead of 10,000 API calls.
 */
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { generatePassword } from '../../shared/config/passwordPolicy.ts';
import { createCognitoClient } from '../../shared/identity/cognitoIdentity.ts';
import type { TableRef } from '../../shared/store/client.ts';
import { putNewGroup } from '../../shared/store/groupStore.ts';
import { membershipIndexKeys, membershipKey, userKey } from '../../shared/store/keys.ts';

const BATCH_SIZE = 25;
const PARALLEL_BATCHES = 4;

/** BatchWrite in batches of 25, a few at a time, retrying unprocessed items. */
export async function batchPut(table: TableRef, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await writeBatch(table.doc, table.tableName, batches[next++]!);
  };
  await Promise.all(Array.from({ length: PARALLEL_BATCHES }, worker));
}

async function writeBatch(doc: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
    const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
  }
}

/** Group ids of a tree of `tenants` × `departments` × `teams` under `/`, parents before children. */
export function treeIds(tenants: number, departments: number, teams: number): string[] {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const ids: string[] = [];
  for (let t = 0; t < tenants; t++) {
    const tenant = `/tenant-${pad(t, 2)}`;
    ids.push(tenant);
    for (let d = 0; d < departments; d++) {
      const department = `${tenant}/department-${pad(d, 2)}`;
      ids.push(department);
      for (let m = 0; m < teams; m++) ids.push(`${department}/team-${pad(m, 3)}`);
    }
  }
  return ids;
}

export async function writeGroups(table: TableRef, ids: string[]): Promise<void> {
  const createdAt = new Date().toISOString();
  const items = ids.map(
    (id) =>
      putNewGroup(table.tableName, {
        id,
        name: id.split('/').pop()!,
        description: `Benchmark group ${id}`,
        state: 'active',
        createdBy: 'bench@example.com',
        createdAt,
      }).Put!.Item!,
  );
  await batchPut(table, items);
}

/** A user known to cognito-local and to the service, holding `reader` at every given group. */
export async function createUserWithMemberships(
  table: TableRef,
  cognito: { endpoint: string; userPoolId: string },
  email: string,
  groupIds: string[],
): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const client = createCognitoClient(cognito.endpoint);
  try {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: cognito.userPoolId,
        Username: email,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: cognito.userPoolId, Username: email, Password: password, Permanent: true }),
    );
  } finally {
    client.destroy();
  }
  const createdAt = new Date().toISOString();
  await batchPut(table, [
    { ...userKey(email), type: 'user', email, state: 'active', defaultGroup: groupIds[0], createdBy: 'bench', createdAt },
    ...groupIds.map((groupId) => ({
      ...membershipKey(email, groupId),
      ...membershipIndexKeys(email, groupId),
      type: 'membership',
      email,
      groupId,
      role: 'reader',
      createdBy: 'bench',
      createdAt,
    })),
  ]);
  return { email, password };
}
