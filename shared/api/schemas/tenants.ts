import * as z from 'zod';
import { GROUP_NAME_PATTERN } from '../../domain/groupPath.ts';
import { PLAN_NAMES } from '../../domain/plans.ts';
import { emailSchema, groupIdSchema } from './common.ts';

const planSchema = z
  .enum(PLAN_NAMES)
  .meta({ description: 'sole-trader: 1 user; team: up to 5; enterprise: no limit, MFA enforcement and SSO.', example: 'team' });

export const createTenantBody = z
  .strictObject({
    name: z.string().regex(GROUP_NAME_PATTERN, 'Tenant names are letters, digits and hyphens').meta({ example: 'Acme' }),
    plan: planSchema,
    ownerEmail: emailSchema,
  })
  .meta({ id: 'NewTenant' });

export const updateTenantBody = z.strictObject({ plan: planSchema }).meta({ id: 'TenantChanges' });

export const tenantPathParams = z.object({
  tenantId: groupIdSchema.refine((id) => id !== '/' && id.split('/').length === 2, 'A tenant is a top-level group such as /acme'),
});
