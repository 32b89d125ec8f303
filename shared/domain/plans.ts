/**
 * SME plans. A tenant is a top-level group (`/acme`) with a plan; its user limit counts the
 * distinct users with any membership (or pending invitation) in its subtree.
 */
import { ROOT_GROUP_ID } from './groupPath.ts';

export const PLAN_NAMES = ['sole-trader', 'team', 'enterprise'] as const;
export type Plan = (typeof PLAN_NAMES)[number];

export const PLANS: Record<Plan, { userLimit: number | undefined; mfaEnforcement: boolean; sso: boolean }> = {
  'sole-trader': { userLimit: 1, mfaEnforcement: false, sso: false },
  team: { userLimit: 5, mfaEnforcement: false, sso: false },
  enterprise: { userLimit: undefined, mfaEnforcement: true, sso: true },
};

/** The tenant a group belongs to: its top-level ancestor (`/acme/finance` → `/acme`); none for `/`. */
export function tenantOf(groupId: string): string | undefined {
  if (groupId === ROOT_GROUP_ID) return undefined;
  return `/${groupId.split('/')[1]}`;
}

export function describeLimit(plan: Plan): string {
  const limit = PLANS[plan].userLimit;
  return limit === undefined
    ? `the ${plan} plan has no user limit`
    : `the ${plan} plan allows ${limit} user${limit === 1 ? '' : 's'}`;
}
