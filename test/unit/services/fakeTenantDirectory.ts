/**
 * The tenant directory in memory, over a fake group directory's groups (a tenant is a group),
 * with the table adapter's semantics: a tenant is written under an active `/` only when its id
 * is free, a plan's limit below the tenant's users is refused, and every audit event is kept.
 */
import type { OwnerTenant, TenantDirectory } from '../../../shared/services/tenants/tenantDirectory.ts';
import type { AuditEvent, MembershipRecord, UserRecord } from '../../../shared/store/storedRecords.ts';
import type { FakeGroupDirectory } from './fakeGroupDirectory.ts';

export interface FakeTenantDirectory extends TenantDirectory {
  /** Profiles written by a self sign-up, by email, and the versions they replaced. */
  owners: Map<string, { user: UserRecord; replacedVersion?: number }>;
  memberships: MembershipRecord[];
  audit: AuditEvent[];
}

const copy = <T>(value: T): T => structuredClone(value);

/** `existingProfiles`: emails that already have a profile here (a new owner profile for them is refused). */
export function fakeTenantDirectory(
  groups: FakeGroupDirectory,
  existingProfiles: Record<string, number> = {},
): FakeTenantDirectory {
  const owners = new Map<string, { user: UserRecord; replacedVersion?: number }>();
  const memberships: MembershipRecord[] = [];
  const audit: AuditEvent[] = [];
  const rootActive = () => groups.stored.get('/')?.record.state === 'active';
  const profileVersion = (email: string) => existingProfiles[email];

  return {
    owners,
    memberships,
    audit,
    tenant: (id) => groups.group(id),
    async insert(record, userLimit, event) {
      if (!rootActive() || groups.stored.has(record.id)) return false;
      groups.stored.set(record.id, { record: copy(record), version: 1, childCount: 0, memberCount: 0, userCount: 0, userLimit });
      groups.stored.get('/')!.childCount++;
      audit.push(copy(event));
      return true;
    },
    async changePlan(id, plan, userLimit, by, event) {
      const tenant = groups.stored.get(id);
      if (!tenant || (userLimit !== undefined && tenant.userCount > userLimit)) return false;
      tenant.record = { ...tenant.record, plan, updatedBy: by.actor, updatedAt: by.at };
      tenant.userLimit = userLimit;
      tenant.version++;
      audit.push(copy(event));
      return true;
    },
    async insertForOwner({ tenant, owner, membership, replacingVersion }: OwnerTenant, event) {
      const version = profileVersion(owner.email);
      const profileTaken = owners.has(owner.email) || (version !== undefined && version !== replacingVersion);
      if (profileTaken || (version === undefined && replacingVersion !== undefined)) return 'has-account';
      if (!rootActive() || groups.stored.has(tenant.id)) return 'name-taken';
      groups.stored.set(tenant.id, {
        record: copy(tenant),
        version: 1,
        childCount: 0,
        memberCount: 1,
        userCount: 1,
        userLimit: 1,
      });
      groups.stored.get('/')!.childCount++;
      owners.set(owner.email, { user: copy(owner), replacedVersion: replacingVersion });
      memberships.push(copy(membership));
      audit.push(copy(event));
      return undefined;
    },
  };
}
