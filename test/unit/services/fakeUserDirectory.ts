/**
 * The user directory in memory, with the table adapter's semantics: a change commits whole or
 * not at all, checking the profile's version, that an invitation never overwrites a granted
 * membership, that removed memberships exist, that the group joined exists and is active, that a
 * tenant joined has room in its plan and the root-admin guard's version; it moves the group and
 * tenant counts and custom roles' use counts, and keeps every audit event. `log` records each
 * commit in order, for tests to place Cognito's calls after it.
 */
import { notFound, invalid } from '../../../shared/domain/errors.ts';
import { selfAndAncestors } from '../../../shared/domain/groupPath.ts';
import { tenantOf } from '../../../shared/domain/plans.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { SessionRecord } from '../../../shared/domain/sessions.ts';
import { userChangeItems } from '../../../shared/services/users/tableUserDirectory.ts';
import type {
  LoginAttempt,
  StoredGroup,
  StoredRole,
  TagPlacement,
  UserChange,
  UserDirectory,
  UserWithMemberships,
} from '../../../shared/services/users/userDirectory.ts';
import { sessionSkOf } from '../../../shared/store/sessionStore.ts';
import type { AuditEvent, MembershipRecord, UserRecord } from '../../../shared/store/storedRecords.ts';
import { ConditionFailedError, MAX_TRANSACTION_ITEMS } from '../../../shared/store/transactions.ts';
import { groupRecord } from './fakeGroupDirectory.ts';

export interface FakeUserDirectory extends UserDirectory {
  profiles: Map<string, { user: UserRecord; version: number }>;
  /** By email, then group: memberships, and invitations (`status: 'pending'`). */
  memberships: Map<string, Map<string, MembershipRecord>>;
  groups: Map<string, StoredGroup>;
  roles: StoredRole[];
  storedSessions: Map<string, SessionRecord[]>;
  logins: Map<string, LoginAttempt[]>;
  /** Where each user's tags are counted, as the last change left it. */
  tagPlacements: Map<string, TagPlacement[]>;
  rootAdminGuard: number;
  audit: AuditEvent[];
  /** `commit <audit action>` per committed change, in order; tests add Cognito's calls to it. */
  log: string[];
  /** Runs before each change is applied: a test lets another writer win the race there. */
  beforeApply?: () => void;
}

const copy = <T>(value: T): T => structuredClone(value);
const AT = '2026-01-01T00:00:00.000Z';

export function userRecord(email: string, extra: Partial<UserRecord> = {}): UserRecord {
  return { email, state: 'active', createdBy: 'admin@bank.example', createdAt: AT, ...extra };
}

export function membershipRecord(email: string, groupId: string, role: Role, extra: Partial<MembershipRecord> = {}) {
  return { email, groupId, role, createdBy: 'admin@bank.example', createdAt: AT, ...extra } satisfies MembershipRecord;
}

export function storedGroup(id: string, extra: Partial<Omit<StoredGroup, 'record'>> & { state?: 'active' | 'disabled' } = {}) {
  const { state, ...counts } = extra;
  return {
    record: groupRecord(id, state ? { state } : {}),
    version: 1,
    childCount: 0,
    memberCount: 0,
    userCount: 0,
    ...counts,
  } satisfies StoredGroup;
}

export interface FakeUserDirectorySetup {
  groups?: StoredGroup[];
  users?: { user: UserRecord; memberships?: MembershipRecord[] }[];
  roles?: StoredRole[];
  sessions?: SessionRecord[];
}

export function fakeUserDirectory(setup: FakeUserDirectorySetup = {}): FakeUserDirectory {
  const groups = new Map<string, StoredGroup>([['/', storedGroup('/')]]);
  for (const group of setup.groups ?? []) groups.set(group.record.id, copy(group));
  const profiles = new Map<string, { user: UserRecord; version: number }>();
  const memberships = new Map<string, Map<string, MembershipRecord>>();
  for (const { user, memberships: own = [] } of setup.users ?? []) {
    profiles.set(user.email, { user: copy(user), version: 1 });
    memberships.set(user.email, new Map(own.map((membership) => [membership.groupId, copy(membership)])));
  }
  const sessions = new Map<string, SessionRecord[]>();
  for (const session of setup.sessions ?? []) sessions.set(session.email, [...(sessions.get(session.email) ?? []), session]);
  const membershipsOf = (email: string) => memberships.get(email) ?? new Map<string, MembershipRecord>();

  const refuse = () => new ConditionFailedError([0]);

  /** Throws, changing nothing, when one of the change's conditions fails. */
  function check(change: UserChange, email: string): void {
    const { profile } = change;
    const stored = profiles.get(email);
    if ('put' in profile && profile.version === undefined ? stored : !stored || stored.version !== profile.version)
      throw refuse();
    for (const invitation of change.invitations ?? []) {
      const current = membershipsOf(email).get(invitation.groupId);
      if (current && current.status !== 'pending') throw refuse();
    }
    for (const groupId of change.removed ?? []) if (!membershipsOf(email).has(groupId)) throw refuse();
    for (const [groupId, delta] of countDeltas(change)) {
      const group = groups.get(groupId);
      if (!group) throw refuse();
      if (groupId === change.groups?.joining && group.record.state !== 'active') throw refuse();
      if ((delta.userCount ?? 0) > 0 && group.userLimit !== undefined && group.userCount >= group.userLimit) throw refuse();
    }
    if (change.rootAdminGuard !== undefined && change.rootAdminGuard !== directory.rootAdminGuard) throw refuse();
  }

  function commit(change: UserChange, email: string): void {
    const { profile } = change;
    if ('put' in profile) profiles.set(email, { user: copy(profile.put), version: (profile.version ?? 0) + 1 });
    else profiles.delete(email);
    const own = membershipsOf(email);
    memberships.set(email, own);
    for (const membership of change.memberships ?? []) own.set(membership.groupId, copy(membership));
    for (const invitation of change.invitations ?? []) own.set(invitation.groupId, { ...copy(invitation), status: 'pending' });
    for (const groupId of change.removed ?? []) own.delete(groupId);
    for (const [groupId, delta] of countDeltas(change)) {
      const group = groups.get(groupId)!;
      group.memberCount += delta.memberCount ?? 0;
      group.userCount += delta.userCount ?? 0;
    }
    for (const [uses, delta] of [
      [change.roleUses?.stopping ?? [], -1],
      [change.roleUses?.starting ?? [], 1],
    ] as const)
      for (const use of uses) {
        const role = directory.roles.find((stored) => stored.name === use.role && stored.definedAt === use.source);
        if (role) role.useCount += delta;
      }
    if (change.tagPlacement) directory.tagPlacements.set(email, copy(change.tagPlacement.after));
    if (change.rootAdminGuard !== undefined) directory.rootAdminGuard++;
    const ended = new Set(change.endedSessions ?? []);
    if (ended.size > 0)
      sessions.set(
        email,
        (sessions.get(email) ?? []).filter((session) => !ended.has(sessionSkOf(session))),
      );
    directory.audit.push(copy(change.audit));
    directory.log.push(`commit ${change.audit.action}`);
  }

  const page = <T>(all: T[], count: number, fromToken?: string) => {
    const start = fromToken ? Number(fromToken) : 0;
    const next = start + count;
    return { items: all.slice(start, next), nextToken: next < all.length ? String(next) : undefined };
  };

  const directory: FakeUserDirectory = {
    profiles,
    memberships,
    groups,
    roles: copy(setup.roles ?? []),
    storedSessions: sessions,
    logins: new Map(),
    tagPlacements: new Map(),
    rootAdminGuard: 0,
    audit: [],
    log: [],

    async user(email) {
      const stored = profiles.get(email);
      if (!stored) return undefined;
      const loaded: UserWithMemberships = {
        user: copy(stored.user),
        version: stored.version,
        memberships: {},
        pending: {},
        roleSources: {},
        invitations: {},
      };
      for (const [groupId, membership] of membershipsOf(email)) {
        (membership.status === 'pending' ? loaded.pending : loaded.memberships)[groupId] = membership.role;
        if (membership.status === 'pending') loaded.invitations![groupId] = copy(membership);
        if (membership.roleDefinedAt) loaded.roleSources[groupId] = membership.roleDefinedAt;
      }
      return loaded;
    },
    group: async (id) => copy(groups.get(id)),
    usableRole: async (groupId, name) =>
      copy(
        selfAndAncestors(groupId)
          .map((id) => directory.roles.find((role) => role.name === name && role.definedAt === id))
          .find((role) => role !== undefined),
      ),
    invitationSender: async (email, groupId) => membershipsOf(email).get(groupId)?.createdBy,
    async otherRootAdmins(leaving) {
      const admins = [...memberships]
        .filter(([email, own]) => email !== leaving && own.get('/')?.role === 'admin' && !own.get('/')?.status)
        .map(([email]) => ({ email, state: profiles.get(email)?.user.state }));
      return { guardVersion: directory.rootAdminGuard, admins };
    },
    fits: (change) => userChangeItems('fake', change).length <= MAX_TRANSACTION_ITEMS,
    async apply(change) {
      directory.beforeApply?.();
      if (!directory.fits(change)) throw invalid('Too many tag values for this user’s memberships');
      const email = 'put' in change.profile ? change.profile.put.email : change.profile.remove;
      check(change, email);
      commit(change, email);
    },

    sessionKeys: async (email) => (sessions.get(email) ?? []).map(sessionSkOf),
    async sessions(email, query) {
      const live = (sessions.get(email) ?? [])
        .filter((session) => session.expiresAt * 1000 > query.nowMs)
        .sort((a, b) => (sessionSkOf(a) < sessionSkOf(b) ? 1 : -1));
      const { items, nextToken } = page(live, query.count, query.fromToken);
      return { sessions: copy(items), nextToken };
    },
    async loginHistory(email, query) {
      const { items, nextToken } = page(directory.logins.get(email) ?? [], query.count, query.fromToken);
      return { logins: copy(items), nextToken };
    },
    async endSessions(ending) {
      const stored = profiles.get(ending.email);
      if (!stored) throw notFound(`User ${ending.email} not found`);
      const ended = (sessions.get(ending.email) ?? []).filter((session) => sessionSkOf(session) !== ending.keep);
      if (ended.length === 0 && ending.onlyIfAny) return;
      sessions.set(
        ending.email,
        (sessions.get(ending.email) ?? []).filter((session) => sessionSkOf(session) === ending.keep),
      );
      stored.version++;
      directory.audit.push({
        actor: ending.actor,
        action: ending.action,
        targetType: 'session',
        targetId: ending.email,
        after: { sessionsEnded: ended.length },
        at: ending.now.toISOString(),
        requestId: ending.requestId,
      });
      directory.log.push(`commit ${ending.action}`);
    },
    async endSession(ending) {
      const own = sessions.get(ending.email) ?? [];
      if (!own.some((session) => session.sessionId === ending.sessionId)) throw notFound(`Session ${ending.sessionId} not found`);
      sessions.set(
        ending.email,
        own.filter((session) => session.sessionId !== ending.sessionId),
      );
      directory.audit.push({
        actor: ending.actor,
        action: 'session.ended',
        targetType: 'session',
        targetId: ending.email,
        after: { sessionId: ending.sessionId },
        at: ending.now.toISOString(),
        requestId: ending.requestId,
      });
      directory.log.push('commit session.ended');
    },
  };
  return directory;
}

/** The count deltas a change makes, by group, as the table adapter's counter items do (one per group). */
function countDeltas(change: UserChange): Map<string, { memberCount?: number; userCount?: number }> {
  const deltas = new Map<string, { memberCount?: number; userCount?: number }>();
  if (!change.groups) return deltas;
  const { before, after, joining } = change.groups;
  const add = (groupId: string, counter: 'memberCount' | 'userCount', delta: number) => {
    const entry = deltas.get(groupId) ?? {};
    entry[counter] = (entry[counter] ?? 0) + delta;
    deltas.set(groupId, entry);
  };
  for (const groupId of after) if (!before.includes(groupId)) add(groupId, 'memberCount', 1);
  for (const groupId of before) if (!after.includes(groupId)) add(groupId, 'memberCount', -1);
  const tenants = (ids: string[]) => new Set(ids.flatMap((id) => tenantOf(id) ?? []));
  const [tenantsBefore, tenantsAfter] = [tenants(before), tenants(after)];
  for (const tenant of tenantsAfter) if (!tenantsBefore.has(tenant)) add(tenant, 'userCount', 1);
  for (const tenant of tenantsBefore) if (!tenantsAfter.has(tenant)) add(tenant, 'userCount', -1);
  if (joining && !deltas.has(joining)) deltas.set(joining, {});
  return deltas;
}
