/** Kept for callers not yet moved to `groups/` (the tenant service): the group as `GET` shows it, read from a table. */
import type { TableRef } from '../store/client.ts';
import { getGroupView as readGroupView, type GroupView } from './groups/read.ts';
import { tableGroupDirectory } from './groups/tableGroupDirectory.ts';

export type { GroupView };

export const getGroupView = (deps: { table: TableRef }, id: string): Promise<GroupView> =>
  readGroupView({ groups: tableGroupDirectory(deps.table) }, id);
