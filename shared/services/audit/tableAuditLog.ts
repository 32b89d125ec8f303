/** The audit log on the table: the tenant + time index, and the memberships that vouch for actors. */
import type { TableRef } from '../../store/client.ts';
import { queryAuditLog, readAuditEvent } from '../../store/auditStore.ts';
import { acceptedMemberships } from '../../store/membershipProbe.ts';
import type { AuditDependencies } from './auditLog.ts';

export const tableAuditDependencies = (table: TableRef): AuditDependencies => ({
  audit: {
    page: (query) => queryAuditLog(table, query),
    event: (tenantId, eventId, subtree) => readAuditEvent(table, tenantId, eventId, subtree),
  },
  memberships: (pairs) => acceptedMemberships(table, pairs),
});
