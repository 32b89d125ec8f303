/** Rules on a group's configuration that depend on where the group sits in the tree. */
import { mfaSwitchOffRefusal } from '../../domain/access/mfaInheritance.ts';
import { mergeLayers, type Configuration } from '../../domain/configuration.ts';
import { conflict } from '../../domain/errors.ts';
import { selfAndAncestors } from '../../domain/groupPath.ts';
import { PLANS, tenantOf } from '../../domain/plans.ts';
import type { GroupDirectory } from './groupDirectory.ts';

/** MFA enforcement is an enterprise feature: smaller plans may not set `security.mfaRequired`. */
export async function assertPlanAllows(
  groups: GroupDirectory,
  id: string,
  configuration: Configuration | undefined,
): Promise<void> {
  if ((configuration?.security as { mfaRequired?: unknown } | undefined)?.mfaRequired !== true) return;
  const tenantId = tenantOf(id);
  const plan = tenantId ? (await groups.group(tenantId))?.record.plan : undefined;
  if (plan && !PLANS[plan].mfaEnforcement)
    throw conflict(`MFA enforcement needs the enterprise plan; tenant ${tenantId} is on the ${plan} plan`);
}

/**
 * Once an ancestor requires MFA, no group beneath it may switch it off: refuses the group's new
 * own configuration layer when merged over its ancestors' it would not require MFA. One batched read of the ancestors.
 */
export async function assertMfaStaysRequired(
  groups: GroupDirectory,
  id: string,
  ownConfiguration: Configuration | undefined,
): Promise<void> {
  const ancestorIds = selfAndAncestors(id).slice(1).reverse();
  if (ancestorIds.length === 0) return;
  const stored = await groups.groups(ancestorIds);
  const ancestors = ancestorIds.map((groupId) => ({ groupId, configuration: stored.get(groupId)?.configuration }));
  const refusal = mfaSwitchOffRefusal(
    id,
    ancestors,
    mergeLayers([...ancestors.map((ancestor) => ancestor.configuration), ownConfiguration]),
  );
  if (refusal) throw refusal;
}
