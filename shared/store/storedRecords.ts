import type { Plan } from '../domain/plans.ts';
import type { Role } from '../domain/roles.ts';

export type GroupState = 'active' | 'disabled';
export type UserState = 'invited' | 'active' | 'disabled';

export interface GroupRecord {
  id: string;
  name: string;
  /** Tenants (top-level groups) only. */
  plan?: Plan;
  description?: string;
  state: GroupState;
  tags?: Record<string, string>;
  configuration?: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  updatedBy?: string;
  updatedAt?: string;
}

export interface UserRecord {
  email: string;
  state: UserState;
  defaultGroup?: string;
  tags?: Record<string, string>;
  /** Epoch milliseconds; tokens issued before this are refused. */
  sessionsValidAfter?: number;
  /** A TOTP authenticator is enrolled (required where a group's `security.mfaRequired` is true). */
  mfaEnabled?: boolean;
  createdBy: string;
  createdAt: string;
  updatedBy?: string;
  updatedAt?: string;
}

export interface MembershipRecord {
  email: string;
  groupId: string;
  role: Role;
  /** For a custom role: the group that defines it (its use is counted there). */
  roleDefinedAt?: string;
  /** `pending`: an existing user was invited by an admin who does not administer them; it grants nothing until they accept. */
  status?: 'pending';
  createdBy: string;
  createdAt: string;
}

/** What a service records with a change; the event's shape is built from it in events/auditEvent.ts. */
export type { AuditRecord as AuditEvent } from '../events/auditEvent.ts';
