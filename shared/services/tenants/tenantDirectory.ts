/**
 * The port the tenant use cases read and write through: the table in production
 * (`tableTenantDirectory.ts`), maps in the unit tests. Every write carries its audit event and
 * commits with it or not at all; each plan's user limit is written with the tenant, so the
 * transactions that add users enforce it.
 */
import type { Plan } from '../../domain/plans.ts';
import type { AuditEvent, GroupRecord, MembershipRecord, UserRecord } from '../../store/storedRecords.ts';
import type { GroupDirectory, Mutation, StoredGroup } from '../groups/groupDirectory.ts';

export type { Mutation, StoredGroup };

/** Why a self-signed-up business was not written: its tenant id is taken, or the owner's email already has a profile. */
export type OwnerTenantRefusal = 'name-taken' | 'has-account';

export interface OwnerTenant {
  tenant: GroupRecord;
  owner: UserRecord;
  membership: MembershipRecord;
  /** The version of a profile of invitations the owner's replaces; absent for a new profile. */
  replacingVersion?: number;
}

export interface TenantDirectory {
  /** The group with its version and counts (a tenant's `userCount` among them), read strongly consistent. */
  tenant(id: string): Promise<StoredGroup | undefined>;
  /** Writes a new tenant under an active `/`, with no users yet and its plan's limit; false when it cannot (the id is taken). */
  insert(record: GroupRecord, userLimit: number | undefined, audit: AuditEvent): Promise<boolean>;
  /** Sets the plan and its limit; false when the tenant has more users than the limit allows. */
  changePlan(
    id: string,
    plan: Plan,
    userLimit: number | undefined,
    by: { actor: string; at: string },
    audit: AuditEvent,
  ): Promise<boolean>;
  /** Writes a sole-trader business: the tenant, its owner's profile and admin membership, counted as its one user. */
  insertForOwner(business: OwnerTenant, audit: AuditEvent): Promise<OwnerTenantRefusal | undefined>;
}

export interface TenantDependencies {
  tenants: TenantDirectory;
  /** The groups, for answering with the tenant as `GET /groups/{id}` shows it. */
  groups: GroupDirectory;
  /** Invites the new tenant's owner as its admin (the users use case, acting in the tenant). */
  inviteOwner(mutation: Mutation, email: string): Promise<void>;
  now?: () => Date;
}
