import { groupDepth, isWithin, ROOT_GROUP_ID } from './groupPath.ts';
import type { Memberships } from './roles.ts';

/**
 * The group a caller acts in when no `x-groupcontextid` is sent: their chosen default group
 * while it is still within one of their memberships, else their shallowest membership.
 */
export function defaultGroupFor(chosen: string | undefined, memberships: Memberships): string {
  const groups = Object.keys(memberships);
  if (chosen && groups.some((groupId) => isWithin(chosen, groupId))) return chosen;
  const shallowest = groups.sort((a, b) => groupDepth(a) - groupDepth(b) || a.localeCompare(b))[0];
  return shallowest ?? ROOT_GROUP_ID;
}
