/**
 * Decision inputs read from the table, each cached for 30 s in the function: definitions and
 * group configurations change rarely, and a change takes effect within that time. What is not
 * cached is read by key; the custom roles and group configurations asked for together (a batch
 * of checks asks for all of them at once) share one set of BatchGetItem requests.
 */
import { effectiveConfiguration } from '../../domain/configuration.ts';
import { configurationRequiresMfa } from '../../domain/access/routeRule.ts';
import type { CustomRoleDefinition } from '../../domain/access/permissions.ts';
import { selfAndAncestors } from '../../domain/groupPath.ts';
import { coalescedBatchGet, itemKeyId } from '../../store/batchGet.ts';
import type { TableRef } from '../../store/client.ts';
import { toStored } from '../../store/groupStore.ts';
import { groupKey, roleKey } from '../../store/keys.ts';
import { toRole } from '../../store/roleStore.ts';
import { nowOf } from '../clock.ts';
import type { DecisionInputs } from './decisionInputs.ts';

const CACHE_MS = 30_000;
const mfaCache = new Map<string, { required: boolean; until: number }>();
const roleCache = new Map<string, { role: CustomRoleDefinition | undefined; until: number }>();

/** `table` is asked for only when a read is needed, so built-in decisions by an enrolled caller need no database. */
export function tableDecisionInputs(table: () => TableRef, clock: () => number = () => nowOf().getTime()): DecisionInputs {
  const read = coalescedBatchGet(table);
  return {
    customRoleAt: async (groupId, name) => {
      const now = clock();
      const cacheKey = `${groupId}|${name}`;
      const hit = roleCache.get(cacheKey);
      if (hit && hit.until > now) return hit.role;
      // The nearest definition at the group or above it.
      const keys = selfAndAncestors(groupId).map((id) => roleKey(id, name));
      const items = await read(keys);
      const nearest = keys.map((key) => items.get(itemKeyId(key))).find((item) => item !== undefined);
      const role = nearest ? toRole(nearest) : undefined;
      roleCache.set(cacheKey, { role, until: now + CACHE_MS });
      return role;
    },
    groupsRequiringMfa: async (groupIds) => {
      const now = clock();
      const distinct = [...new Set(groupIds)];
      const unknown = distinct.filter((groupId) => !((mfaCache.get(groupId)?.until ?? 0) > now));
      if (unknown.length > 0) {
        const chains = new Map(unknown.map((groupId) => [groupId, selfAndAncestors(groupId).reverse()]));
        const items = await read([...new Set([...chains.values()].flat())].map(groupKey));
        const configurationOf = (id: string) => {
          const item = items.get(itemKeyId(groupKey(id)));
          return item ? toStored(item).record.configuration : undefined;
        };
        for (const [groupId, chain] of chains) {
          const configuration = effectiveConfiguration(chain.map(configurationOf));
          mfaCache.set(groupId, { required: configurationRequiresMfa(configuration), until: now + CACHE_MS });
        }
      }
      return distinct.filter((groupId) => mfaCache.get(groupId)!.required);
    },
  };
}
