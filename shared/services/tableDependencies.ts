/**
 * What use cases that only use the table need. No identity adapter or token verifier, so the
 * bundles of routes that never call Cognito (reading users, their logins and sessions) carry neither.
 */
import { defaultTable, type TableRef } from '../store/client.ts';
import type { WithClock } from './clock.ts';

export interface TableDependencies extends WithClock {
  table: TableRef;
}

export const tableDependencies = (): TableDependencies => ({ table: defaultTable() });
