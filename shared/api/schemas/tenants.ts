import * as z from 'zod/mini';
import { GROUP_NAME_PATTERN } from '../../domain/groupPath.ts';
import { PLAN_NAMES } from '../../domain/plans.ts';
import { emailSchema, groupIdSchema } from './common.ts';
import { defineSchema, withMeta } from './meta.ts';

const planSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.enum(PLAN_NAMES), {
    description: 'sole-trader: 1 user; team: up to 5; enterprise: no limit, MFA enforcement and SSO.',
    example: 'team',
  }),
);

export const createTenantBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.strictObject({
      name: withMeta(z.string().check(z.regex(GROUP_NAME_PATTERN, 'Tenant names are letters, digits and hyphens')), {
        example: 'Acme',
      }),
      plan: planSchema,
      ownerEmail: emailSchema,
    }),
    { id: 'NewTenant' },
  ),
);

export const updateTenantBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.strictObject({ plan: planSchema }), { id: 'TenantChanges' }),
);

export const tenantPathParams = /* @__PURE__ */ defineSchema(() =>
  z.object({
    tenantId: groupIdSchema.check(
      z.refine((id: string) => id !== '/' && id.split('/').length === 2, 'A tenant is a top-level group such as /acme'),
    ),
  }),
);
