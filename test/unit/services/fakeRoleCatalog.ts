/**
 * The role catalog in memory, with the table adapter's semantics: one definition per name and
 * group, the nearest one above a group is the one usable there, a role in use is not deleted,
 * and every audit event is kept.
 */
import { selfAndAncestors } from '../../../shared/domain/groupPath.ts';
import type { RoleCatalog, StoredRole } from '../../../shared/services/roles/roleCatalog.ts';
import type { AuditEvent } from '../../../shared/store/storedRecords.ts';
import { ConditionFailedError } from '../../../shared/store/transactions.ts';

export interface FakeRoleCatalog extends RoleCatalog {
  /** Keyed `<definedAt>|<name>`. */
  stored: Map<string, StoredRole>;
  audit: AuditEvent[];
}

const copy = <T>(value: T): T => structuredClone(value);
const keyOf = (definedAt: string, name: string) => `${definedAt}|${name}`;

export function storedRole(name: string, definedAt: string, actions: string[], extra: Partial<StoredRole> = {}): StoredRole {
  return { name, definedAt, actions, useCount: 0, createdBy: 'admin@acme.com', createdAt: '2026-01-01T00:00:00.000Z', ...extra };
}

export function fakeRoleCatalog(roles: StoredRole[] = []): FakeRoleCatalog {
  const stored = new Map(roles.map((role) => [keyOf(role.definedAt, role.name), copy(role)]));
  const audit: AuditEvent[] = [];
  return {
    stored,
    audit,
    usableAt: async (groupId, name) => {
      const nearest = selfAndAncestors(groupId).find((id) => stored.has(keyOf(id, name)));
      return nearest === undefined ? undefined : copy(stored.get(keyOf(nearest, name)));
    },
    definedAt: async (groupId) => [...stored.values()].filter((role) => role.definedAt === groupId).map(copy),
    async insert(role, event) {
      const key = keyOf(role.definedAt, role.name);
      if (stored.has(key)) return false;
      stored.set(key, { ...copy(role), useCount: 0 });
      audit.push(copy(event));
      return true;
    },
    async replace(role, event) {
      const key = keyOf(role.definedAt, role.name);
      if (!stored.has(key)) throw new ConditionFailedError([0]);
      stored.set(key, {
        ...stored.get(key)!,
        actions: role.actions,
        description: role.description,
        updatedAt: role.updatedAt,
        updatedBy: role.updatedBy,
      });
      audit.push(copy(event));
    },
    async removeUnused(role, event) {
      const key = keyOf(role.definedAt, role.name);
      if ((stored.get(key)?.useCount ?? 1) > 0) return false;
      stored.delete(key);
      audit.push(copy(event));
      return true;
    },
  };
}
