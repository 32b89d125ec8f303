/**
 * Creates the root group `/` and makes the installer's admin its `admin`: on AWS from the
 * CDK seed custom resource, locally from `npm start`. Safe to run again: each part is skipped
 * when it already exists.
 */
import { ROOT_GROUP_ID } from '../domain/groupPath.ts';
import type { CognitoIdentity } from '../identity/cognitoIdentity.ts';
import { auditEventPut } from '../store/audit.ts';
import type { TableRef } from '../store/client.ts';
import { putNewGroup } from '../store/groupStore.ts';
import { putMembershipSummary } from '../store/membershipSummary.ts';
import { putMembership, putNewUser } from '../store/userStore.ts';
import type { GroupRecord, MembershipRecord, UserRecord } from '../store/storedRecords.ts';
import { ConditionFailedError, writeTransaction } from '../store/transactions.ts';
import { timestampOf } from './clock.ts';

export const INSTALLER = 'installer';

export interface SeedRequest {
  adminEmail: string;
  /** Local mode: a permanent password, so the printed credentials log in directly. On AWS, Cognito emails a temporary one. */
  adminPassword?: string;
  requestId: string;
  now?: Date;
}

export async function seedRootAndAdmin(
  table: TableRef,
  identity: CognitoIdentity,
  request: SeedRequest,
): Promise<{ created: boolean }> {
  const email = request.adminEmail.trim().toLowerCase();
  const created = await writeRootAndAdmin(
    table,
    email,
    request.requestId,
    timestampOf({ now: request.now ? () => request.now! : undefined }),
  );
  await createAdminLogin(identity, email, request.adminPassword);
  return { created };
}

async function writeRootAndAdmin(table: TableRef, email: string, requestId: string, at: string): Promise<boolean> {
  const root: GroupRecord = {
    id: ROOT_GROUP_ID,
    name: ROOT_GROUP_ID,
    description: 'Root of the group tree',
    state: 'active',
    createdBy: INSTALLER,
    createdAt: at,
  };
  const admin: UserRecord = { email, state: 'invited', defaultGroup: ROOT_GROUP_ID, createdBy: INSTALLER, createdAt: at };
  const membership: MembershipRecord = { email, groupId: ROOT_GROUP_ID, role: 'admin', createdBy: INSTALLER, createdAt: at };
  try {
    await writeTransaction(table, [
      putNewGroup(table.tableName, root, { memberCount: 1 }),
      putNewUser(table.tableName, admin),
      putMembership(table.tableName, membership),
      putMembershipSummary(table.tableName, email, [membership]),
      auditEventPut(table.tableName, {
        actor: INSTALLER,
        action: 'seed.created',
        targetType: 'group',
        targetId: ROOT_GROUP_ID,
        after: { root, admin: email },
        at,
        requestId,
      }),
    ]);
    return true;
  } catch (error) {
    // The root is already there (its group or its admin): a run after the first.
    if (error instanceof ConditionFailedError) return false;
    throw error;
  }
}

async function createAdminLogin(identity: CognitoIdentity, email: string, password: string | undefined): Promise<void> {
  try {
    await identity.createUser(email, { invite: password === undefined });
  } catch (error) {
    if ((error as Error).name !== 'UsernameExistsException') throw error;
  }
  if (password !== undefined) await identity.setPermanentPassword(email, password);
}
