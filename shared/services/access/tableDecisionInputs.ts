/**
 * Decision inputs read from the table, each cached for 30 s in the function: definitions and
 * group configurations change rarely, and a change takes effect within that time.
 */
import { effectiveConfiguration } from '../../domain/configuration.ts';
import { configurationRequiresMfa } from '../../domain/access/routeRule.ts';
import { selfAndAncestors } from '../../domain/groupPath.ts';
import type { TableRef } from '../../store/client.ts';
import { getGroupsByIds } from '../../store/groupStore.ts';
import { cachedUsableRole } from '../../store/roleStore.ts';
import { nowOf } from '../clock.ts';
import type { DecisionInputs } from './decisionInputs.ts';

const MFA_CACHE_MS = 30_000;
const mfaCache = new Map<string, { required: boolean; until: number }>();

/** `table` is asked for only when a read is needed, so built-in decisions by an enrolled caller need no database. */
export function tableDecisionInputs(table: () => TableRef, clock: () => number = () => nowOf().getTime()): DecisionInputs {
  return {
    customRoleAt: (groupId, name) => cachedUsableRole(table(), groupId, name, clock()),
    groupsRequiringMfa: async (groupIds) => {
      const now = clock();
      const distinct = [...new Set(groupIds)];
      const unknown = distinct.filter((groupId) => !((mfaCache.get(groupId)?.until ?? 0) > now));
      if (unknown.length > 0) {
        const chains = new Map(unknown.map((groupId) => [groupId, selfAndAncestors(groupId).reverse()]));
        const groups = await getGroupsByIds(table(), [...chains.values()].flat());
        for (const [groupId, chain] of chains) {
          const configuration = effectiveConfiguration(chain.map((id) => groups.get(id)?.configuration));
          mfaCache.set(groupId, { required: configurationRequiresMfa(configuration), until: now + MFA_CACHE_MS });
        }
      }
      return distinct.filter((groupId) => mfaCache.get(groupId)!.required);
    },
  };
}
