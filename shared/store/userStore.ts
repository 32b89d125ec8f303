/** Reads and transaction items for users and memberships. Business rules live in services/users/. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../domain/roles.ts';
import type { TableRef } from './client.ts';
import { MEMBERSHIP_RECORD_FIELDS, MEMBERSHIP_SUMMARY_ENTITY, USER_RECORD_FIELDS } from './entities/users.ts';
import {
  groupIdFromMembershipSk,
  MEMBERSHIP_SK_PREFIX,
  MEMBERSHIP_TREE_PARTITION,
  membershipIndexKeys,
  membershipKey,
  membersPartition,
  rootAdminGuardKey,
  TABLE_INDEXES,
  USER_PROFILE_SK,
  userKey,
  userPartition,
} from './keys.ts';
import { stripInternal } from './items.ts';
import { sendQuery } from './pagination.ts';
import type { MembershipRecord, UserRecord } from './storedRecords.ts';
import type { SessionRecord } from '../domain/sessions.ts';
import { isSessionItem, toSessionRecord } from './sessionStore.ts';
import type { TransactItem } from './transactions.ts';

export interface UserWithMemberships {
  user: UserRecord;
  /** Optimistic-concurrency version of the profile. */
  version: number;
  /** Memberships that grant their role. */
  memberships: Record<string, Role>;
  /** Invitations the user has not accepted yet: they grant nothing. */
  pending: Record<string, Role>;
  /** For memberships and invitations with a custom role: where that role is defined. */
  roleSources: Record<string, string>;
  /** The invitations themselves, by group: what an inviting tenant sees of someone who has not accepted. */
  invitations?: Record<string, MembershipRecord>;
  /** The one session asked for, when it exists (other sessions are never read here). */
  session?: SessionRecord;
}

export function toUserRecord(item: Record<string, unknown>): UserRecord {
  const stored = stripInternal<Record<string, unknown>>(item);
  return Object.fromEntries(
    USER_RECORD_FIELDS.filter((field) => stored[field] !== undefined).map((field) => [field, stored[field]]),
  ) as unknown as UserRecord;
}

export function toMembershipRecord(item: Record<string, unknown>): MembershipRecord {
  return Object.fromEntries(
    MEMBERSHIP_RECORD_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  ) as unknown as MembershipRecord;
}

/**
 * The user's profile and every membership, in one strongly consistent Query of the user's
 * partition (the authorizer's single DynamoDB request). Undefined when there is no profile.
 */
export async function loadUserWithMemberships(
  table: TableRef,
  email: string,
  session?: { sk: string; sessionId: string },
): Promise<UserWithMemberships | undefined> {
  // No session id is ever '-' (ids are UUIDs), so without one asked for no session comes back.
  const sessionId = session?.sessionId ?? '-';
  let loaded: Omit<UserWithMemberships, 'memberships' | 'pending' | 'roleSources'> | undefined;
  let found: SessionRecord | undefined;
  const memberships: Record<string, Role> = {};
  const pending: Record<string, Role> = {};
  const roleSources: Record<string, string> = {};
  const invitations: Record<string, MembershipRecord> = {};
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        // The same partition holds the user's sessions (only the one asked for comes back) and the
        // listings' membership summary, which the memberships themselves make redundant here.
        FilterExpression: 'attribute_not_exists(#type) OR (#type <> :session AND #type <> :summary) OR sessionId = :sessionId',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pk': userPartition(email),
          ':session': 'session',
          ':summary': MEMBERSHIP_SUMMARY_ENTITY.type,
          ':sessionId': sessionId,
        },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const sk = String(item.sk);
      if (isSessionItem(item)) found = item.sk === session?.sk ? toSessionRecord(item) : undefined;
      else if (sk === USER_PROFILE_SK) loaded = { user: toUserRecord(item), version: Number(item.version ?? 0) };
      else if (sk.startsWith(MEMBERSHIP_SK_PREFIX)) {
        const groupId = groupIdFromMembershipSk(sk);
        (item.status === 'pending' ? pending : memberships)[groupId] = item.role as Role;
        if (item.status === 'pending') invitations[groupId] = toMembershipRecord(item);
        if (item.roleDefinedAt) roleSources[groupId] = String(item.roleDefinedAt);
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return loaded ? { ...loaded, memberships, pending, roleSources, invitations, ...(found ? { session: found } : {}) } : undefined;
}

export async function getUser(table: TableRef, email: string): Promise<UserRecord | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: userKey(email), ConsistentRead: true }),
  );
  return Item ? toUserRecord(Item) : undefined;
}

export interface MembershipEntry {
  email: string;
  groupId: string;
  /** The index key a listing resumes after. */
  key: Record<string, string>;
}

/** Memberships whose position in the membership tree starts with `prefix`, in tree order. */
export async function queryMemberships(
  table: TableRef,
  prefix: string,
  page: { limit: number; startKey?: Record<string, string> },
): Promise<{ entries: MembershipEntry[]; lastKey?: Record<string, string> }> {
  const index = TABLE_INDEXES.byTree;
  const result = await sendQuery(
    table,
    new QueryCommand({
      TableName: table.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
      ExpressionAttributeValues: { ':pk': MEMBERSHIP_TREE_PARTITION, ':prefix': prefix },
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return {
    entries: (result.Items ?? []).map((item) => ({
      email: String(item.email),
      groupId: String(item.groupId),
      key: { pk: String(item.pk), sk: String(item.sk), [index.pk]: String(item[index.pk]), [index.sk]: String(item[index.sk]) },
    })),
    lastKey: result.LastEvaluatedKey as Record<string, string> | undefined,
  };
}

export function putNewUser(tableName: string, record: UserRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...userKey(record.email), type: 'user', version: 1, ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Replaces the profile, provided nobody changed it since `version` was read. */
export function replaceUser(tableName: string, record: UserRecord, version: number): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...userKey(record.email), type: 'user', version: version + 1, ...record },
      ConditionExpression: 'attribute_exists(pk) AND #version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version },
    },
  };
}

/** Holds only while the profile is unchanged: memberships change together with the user they belong to. */
export function requireUserVersion(tableName: string, email: string, version: number): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: userKey(email),
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version },
    },
  };
}

export function deleteUserProfile(tableName: string, email: string, version: number): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: userKey(email),
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version },
    },
  };
}

export function putMembership(tableName: string, membership: MembershipRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...membershipKey(membership.email, membership.groupId),
        ...membershipIndexKeys(membership.email, membership.groupId),
        type: 'membership',
        ...membership,
      },
    },
  };
}

/**
 * Writes an invitation (a pending membership). It never replaces or removes a membership that
 * grants its role: only a missing item or another invitation may be written over.
 */
export function putInvitation(tableName: string, invitation: MembershipRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...membershipKey(invitation.email, invitation.groupId),
        ...membershipIndexKeys(invitation.email, invitation.groupId),
        type: 'membership',
        ...invitation,
        status: 'pending',
      },
      ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    },
  };
}

export function deleteMembership(tableName: string, email: string, groupId: string): TransactItem {
  return { Delete: { TableName: tableName, Key: membershipKey(email, groupId), ConditionExpression: 'attribute_exists(pk)' } };
}

/**
 * Changes that could leave `/` without an active admin bump this guard's version in their
 * transaction, conditional on the version they read, so two such changes cannot both pass
 * the "another active admin remains" check.
 */
export async function readRootAdminGuard(table: TableRef): Promise<number> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: rootAdminGuardKey(), ConsistentRead: true }),
  );
  return Number(Item?.version ?? 0);
}

export function bumpRootAdminGuard(tableName: string, version: number): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...rootAdminGuardKey(), type: 'guard', version: version + 1 },
      ConditionExpression: 'attribute_not_exists(pk) OR #version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version },
    },
  };
}

/** The emails holding a membership at exactly this group (its own members), via the group's members index. */
export async function queryGroupMemberEmails(
  table: TableRef,
  groupId: string,
): Promise<{ email: string; role: Role; status?: string }[]> {
  const index = TABLE_INDEXES.byParent;
  const members: { email: string; role: Role; status?: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': membersPartition(groupId) },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? [])
      members.push({ email: String(item.email), role: item.role as Role, status: item.status as string | undefined });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return members;
}
