/**
 * The port the custom-role use cases read and write through: the table in production
 * (`tableRoleCatalog.ts`), a map in the unit tests. Every write carries its audit event and
 * commits with it or not at all.
 */
import type { StoredRole } from '../../store/roleStore.ts';
import type { AuditEvent } from '../../store/storedRecords.ts';
import type { DecisionInputs } from '../access/decisionInputs.ts';

export type { StoredRole };

export interface RoleCatalog {
  /** The definition of `name` usable at `groupId`: the nearest one at the group or above it. */
  usableAt(groupId: string, name: string): Promise<StoredRole | undefined>;
  /** The roles defined at exactly this group. */
  definedAt(groupId: string): Promise<StoredRole[]>;
  /** Writes a new definition (its use count at 0); false when the group already defines one of that name. */
  insert(role: Omit<StoredRole, 'useCount'>, audit: AuditEvent): Promise<boolean>;
  /** Replaces the description and actions of an existing definition. */
  replace(role: StoredRole, audit: AuditEvent): Promise<void>;
  /** Deletes a definition no membership uses; false when one does (or it is gone). */
  removeUnused(role: StoredRole, audit: AuditEvent): Promise<boolean>;
}

export interface RoleDependencies {
  roles: RoleCatalog;
  /** What the author's own role allows, for the role ceiling. */
  decisionInputs: DecisionInputs;
  now?: () => Date;
}
