/** The role catalog on the table: each write is one transaction holding the definition and its audit event. */
import { auditEventPut } from '../../store/audit.ts';
import type { TableRef } from '../../store/client.ts';
import { deleteUnusedRole, findUsableRole, putNewRole, queryRolesDefinedAt, updateRole } from '../../store/roleStore.ts';
import { ConditionFailedError, writeTransaction } from '../../store/transactions.ts';
import type { RoleCatalog } from './roleCatalog.ts';

/** False when a condition of the transaction failed; any other error is thrown. */
async function conditionHeld(write: Promise<void>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionFailedError) return false;
    throw error;
  }
}

export function tableRoleCatalog(table: TableRef): RoleCatalog {
  const { tableName } = table;
  return {
    usableAt: (groupId, name) => findUsableRole(table, groupId, name),
    definedAt: (groupId) => queryRolesDefinedAt(table, groupId),
    insert: (role, audit) =>
      conditionHeld(writeTransaction(table, [putNewRole(tableName, role), auditEventPut(tableName, audit)])),
    replace: (role, audit) => writeTransaction(table, [updateRole(tableName, role), auditEventPut(tableName, audit)]),
    removeUnused: (role, audit) =>
      conditionHeld(
        writeTransaction(table, [deleteUnusedRole(tableName, role.definedAt, role.name), auditEventPut(tableName, audit)]),
      ),
  };
}
