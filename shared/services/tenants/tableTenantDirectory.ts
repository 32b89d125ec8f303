/** The tenant directory on the table: each write is one transaction holding the tenant, its parent's count and the audit event. */
import { ROOT_GROUP_ID } from '../../domain/groupPath.ts';
import { PLANS } from '../../domain/plans.ts';
import { auditEventPut } from '../../store/audit.ts';
import { membershipSummaryUpdate, putMembershipSummary } from '../../store/membershipSummary.ts';
import type { TableRef } from '../../store/client.ts';
import { adjustGroup, getStoredGroup, putNewGroup, setTenantPlan } from '../../store/groupStore.ts';
import { ConditionFailedError, writeTransaction, type TransactItem } from '../../store/transactions.ts';
import { putMembership, putNewUser, replaceUser } from '../../store/userStore.ts';
import type { TenantDirectory } from './tenantDirectory.ts';

/** The indexes of the items whose condition failed, or undefined when the transaction committed. */
async function failedConditions(table: TableRef, items: TransactItem[]): Promise<number[] | undefined> {
  try {
    await writeTransaction(table, items);
    return undefined;
  } catch (error) {
    if (error instanceof ConditionFailedError) return error.failedIndexes;
    throw error;
  }
}

export function tableTenantDirectory(table: TableRef): TenantDirectory {
  const { tableName } = table;
  return {
    tenant: (id) => getStoredGroup(table, id),

    async insert(record, userLimit, audit) {
      const failed = await failedConditions(table, [
        adjustGroup(tableName, ROOT_GROUP_ID, { childCount: 1 }, true),
        putNewGroup(tableName, record, { userCount: 0, userLimit }),
        auditEventPut(tableName, audit),
      ]);
      return failed === undefined;
    },

    async changePlan(id, plan, userLimit, by, audit) {
      const failed = await failedConditions(table, [
        setTenantPlan(tableName, id, plan, userLimit, by.actor, by.at),
        auditEventPut(tableName, audit),
      ]);
      return failed === undefined;
    },

    async insertForOwner({ tenant, owner, membership, replacingVersion }, audit) {
      const failed = await failedConditions(table, [
        putNewGroup(tableName, tenant, { memberCount: 1, userCount: 1, userLimit: PLANS['sole-trader'].userLimit }),
        replacingVersion === undefined ? putNewUser(tableName, owner) : replaceUser(tableName, owner, replacingVersion),
        putMembership(tableName, membership),
        adjustGroup(tableName, ROOT_GROUP_ID, { childCount: 1 }, true),
        auditEventPut(tableName, audit),
        // The invitations that waited for this sign-up stay in the summary beside the new membership.
        replacingVersion === undefined
          ? putMembershipSummary(tableName, membership.email, [membership])
          : membershipSummaryUpdate(tableName, membership.email, { set: [membership] }),
      ]);
      if (failed === undefined) return undefined;
      return failed.includes(1) ? 'has-account' : 'name-taken';
    },
  };
}
