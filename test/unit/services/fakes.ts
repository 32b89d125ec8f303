import type { CustomRoleDefinition } from '../../../shared/domain/access/permissions.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import { isWithin } from '../../../shared/domain/groupPath.ts';
import { resolveRole, type Memberships } from '../../../shared/domain/roles.ts';
import type { DecisionInputs } from '../../../shared/services/access/decisionInputs.ts';
import type { UserWithMemberships } from '../../../shared/store/userStore.ts';

export function callerIn(groupContextId: string, memberships: Memberships, extra: Partial<Caller> = {}): Caller {
  return {
    email: 'ann@acme.com',
    groupContextId,
    contextRole: resolveRole(memberships, groupContextId),
    memberships,
    tokenIssuedAt: 0,
    mfaEnabled: false,
    tokenUse: 'access',
    ...extra,
  };
}

/** Decision inputs in memory: custom roles (usable in their subtree) and groups requiring MFA (with their subtrees); it records each read. */
export function fakeDecisionInputs(
  roles: CustomRoleDefinition[] = [],
  mfaGroups: string[] = [],
): DecisionInputs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    customRoleAt: async (groupId, name) => {
      reads.push(`role ${groupId} ${name}`);
      return roles
        .filter((role) => role.name === name && isWithin(groupId, role.definedAt))
        .sort((a, b) => b.definedAt.length - a.definedAt.length)[0];
    },
    groupsRequiringMfa: async (groupIds) => {
      reads.push(`mfa ${groupIds.join(',')}`);
      return groupIds.filter((groupId) => mfaGroups.some((mfa) => isWithin(groupId, mfa)));
    },
  };
}

export function storedUser(
  email: string,
  memberships: Record<string, string>,
  extra: { state?: 'invited' | 'active' | 'disabled'; mfaEnabled?: boolean; pending?: Record<string, string> } = {},
): UserWithMemberships {
  return {
    user: {
      email,
      state: extra.state ?? 'active',
      createdBy: 'admin@bank.example',
      createdAt: '2026-01-01T00:00:00.000Z',
      ...(extra.mfaEnabled ? { mfaEnabled: true } : {}),
    },
    version: 1,
    memberships,
    pending: extra.pending ?? {},
    roleSources: {},
  };
}
