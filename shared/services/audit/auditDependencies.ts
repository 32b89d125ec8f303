/** The audit trail's dependencies in a function, built once per container over the table. */
import { defaultTable } from '../../store/client.ts';
import type { AuditDependencies } from './auditLog.ts';
import { tableAuditDependencies } from './tableAuditLog.ts';

let dependencies: AuditDependencies | undefined;

export function auditDependencies(): AuditDependencies {
  return (dependencies ??= tableAuditDependencies(defaultTable()));
}
