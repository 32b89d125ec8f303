/**
 * The port the users use cases read and write through: the table in production
 * (`tableUserDirectory.ts`), maps in the unit tests. Every change carries its audit event and
 * commits with it or not at all; a change whose conditions no longer hold (a version moved, a
 * group gone or full) throws `ConditionFailedError`, and the use case reads again and decides again.
 */
import type { SessionRecord } from '../../domain/sessions.ts';
import type { StoredGroup } from '../../store/groupStore.ts';
import type { LoginAttempt } from '../../store/loginAttemptStore.ts';
import type { StoredRole } from '../../store/roleStore.ts';
import type { AuditEvent, MembershipRecord, UserRecord, UserState } from '../../store/storedRecords.ts';
import type { TagPlacement } from '../../store/tagUsageStore.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';

export type { LoginAttempt, SessionRecord, StoredGroup, StoredRole, TagPlacement, UserWithMemberships };

/** A membership's use of a role; `source` is where a custom role is defined (its use is counted there). */
export interface RoleUse {
  role: string;
  source?: string;
}

/** One change of a user, written in one transaction with its audit event. */
export interface UserChange {
  /** The profile written at the version read (a new profile when `version` is absent), or deleted at it. */
  profile: { put: UserRecord; version?: number } | { remove: string; version: number };
  /** Memberships written over whatever is at their group (a grant, or a grant waiting as `pending`). */
  memberships?: MembershipRecord[];
  /** Invitations: written over nothing or another invitation, never over a membership that grants its role. */
  invitations?: MembershipRecord[];
  /** Groups whose membership or invitation is deleted (each must still exist). */
  removed?: string[];
  /**
   * The user's groups, memberships and invitations, before and after: counted at each group and
   * its tenant (joining a tenant needs room in its plan). `joining`, the group granted in, must exist and be active.
   */
  groups?: { before: string[]; after: string[]; joining?: string };
  /** Use counts of custom roles: the uses that stop and the uses that start. */
  roleUses?: { stopping: RoleUse[]; starting: RoleUse[] };
  /** Where the user's tags are counted, profile and invitations, before and after (absent: unchanged). */
  tagPlacement?: { before: TagPlacement[]; after: TagPlacement[] };
  /** The root-admin guard's version read with the admins: the change holds only while nobody else moved it. */
  rootAdminGuard?: number;
  /** Sessions ended with the change, by sort key. */
  endedSessions?: string[];
  audit: AuditEvent;
}

/** The admins of `/` but one (invitations excluded) with their profile's state, and the guard version read before them. */
export interface RootAdmins {
  guardVersion: number;
  admins: { email: string; state?: UserState }[];
}

/** Sessions ended together: every session of the user but `keep` (a sort key), with one audit event. */
export interface SessionsEnding {
  email: string;
  actor: string;
  action: 'session.ended';
  requestId: string;
  now: Date;
  keep?: string;
  /** A sweep after a change that ended the sessions it knew of: when none is left, nothing is written. */
  onlyIfAny?: boolean;
}

export interface UserDirectory {
  /** The profile with every membership and invitation, read strongly consistent; undefined without a profile. */
  user(email: string): Promise<UserWithMemberships | undefined>;
  /** One group with its counts and the plan's limit. */
  group(id: string): Promise<StoredGroup | undefined>;
  /** The custom role of that name usable at the group (defined there or above). */
  usableRole(groupId: string, name: string): Promise<StoredRole | undefined>;
  /** Who sent the invitation (or made the membership) of `email` at the group. */
  invitationSender(email: string, groupId: string): Promise<string | undefined>;
  /** Every admin of `/` other than `leaving`, for a change that may leave `/` without an active admin. */
  otherRootAdmins(leaving: string): Promise<RootAdmins>;
  /** The change fits in one transaction. */
  fits(change: UserChange): boolean;
  /** Commits the change with its audit event; `ConditionFailedError` when a condition no longer holds, 400 when it does not fit. */
  apply(change: UserChange): Promise<void>;

  /** Sort keys of every session of the user. */
  sessionKeys(email: string): Promise<string[]>;
  /** Live sessions, newest login first, a page at a time. */
  sessions(
    email: string,
    page: { count: number; fromToken?: string; nowMs: number },
  ): Promise<{ sessions: SessionRecord[]; nextToken?: string }>;
  /** Login attempts, newest first, a page at a time. */
  loginHistory(
    email: string,
    page: { count: number; fromToken?: string },
  ): Promise<{ logins: LoginAttempt[]; nextToken?: string }>;
  /** Ends the sessions with their audit event; not found when the user is gone. */
  endSessions(ending: SessionsEnding): Promise<void>;
  /** Ends one session with its audit event; not found when it has already ended. */
  endSession(ending: { email: string; sessionId: string; actor: string; requestId: string; now: Date }): Promise<void>;
}
