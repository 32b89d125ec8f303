/**
 * A user with memberships as the service writes them (profile, membership items and, unless the
 * profile predates summaries, its membership summary), as items for `batchPut`.
 */
import type { Role } from '../../shared/domain/roles.ts';
import { putMembershipSummary } from '../../shared/store/membershipSummary.ts';
import type { MembershipRecord } from '../../shared/store/storedRecords.ts';
import { putMembership, putNewUser } from '../../shared/store/userStore.ts';

export function userItems(
  tableName: string,
  user: { email: string; memberships: Record<string, Role>; roleSources?: Record<string, string>; withoutSummary?: boolean },
): Record<string, unknown>[] {
  const createdAt = new Date().toISOString();
  const [defaultGroup] = Object.keys(user.memberships);
  const memberships: MembershipRecord[] = Object.entries(user.memberships).map(([groupId, role]) => ({
    email: user.email,
    groupId,
    role,
    ...(user.roleSources?.[groupId] ? { roleDefinedAt: user.roleSources[groupId] } : {}),
    createdBy: 'bench',
    createdAt,
  }));
  return [
    putNewUser(tableName, { email: user.email, state: 'active', defaultGroup, createdBy: 'bench', createdAt }).Put!.Item!,
    ...memberships.map((membership) => putMembership(tableName, membership).Put!.Item!),
    ...(user.withoutSummary ? [] : [putMembershipSummary(tableName, user.email, memberships).Put!.Item!]),
  ];
}
