/** Rules on a group's configuration that depend on where the group sits in the tree. */
import type { Configuration } from '../../domain/configuration.ts';
import { conflict } from '../../domain/errors.ts';
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
