import * as z from 'zod';
import { ACTION_LIMITS, ACTION_OR_WILDCARD_PATTERN, segmentCount } from '../../domain/access/permissions.ts';
import { CUSTOM_ROLE_NAME_PATTERN } from '../../domain/roles.ts';

const actionPatterns = z
  .array(
    z
      .string()
      .max(ACTION_LIMITS.maxLength)
      .regex(ACTION_OR_WILDCARD_PATTERN, 'Actions are service:verb patterns; * stands for one or more segments')
      .refine(
        (pattern) => segmentCount(pattern) <= ACTION_LIMITS.maxSegments,
        `A pattern has at most ${ACTION_LIMITS.maxSegments} segments`,
      ),
  )
  .min(1)
  .max(ACTION_LIMITS.maxPatternsPerRole)
  .meta({ example: ['payments:*', 'accounts:read'] });

const roleName = z
  .string()
  .regex(CUSTOM_ROLE_NAME_PATTERN, 'Role names are 2 to 32 lower-case letters, digits and hyphens, starting with a letter')
  .meta({ example: 'payments-approver' });

export const createRoleBody = z
  .strictObject({ name: roleName, description: z.string().max(1024).optional(), actions: actionPatterns })
  .meta({
    id: 'NewRole',
    example: { name: 'payments-approver', description: 'Approves payments', actions: ['payments:approve', 'accounts:read'] },
  });

export const updateRoleBody = z
  .strictObject({ description: z.string().max(1024).optional(), actions: actionPatterns.optional() })
  .refine((body) => Object.keys(body).length > 0, 'Request body should contain description or actions')
  .meta({ id: 'RoleChanges', minProperties: 1 });

export const rolePathParams = z.object({ name: z.string().min(1).max(32) });

export const roleSchema = z
  .object({
    name: z.string(),
    builtIn: z.boolean(),
    actions: z.array(z.string()),
    description: z.string().optional(),
    definedAt: z.string().optional(),
    inUse: z.number().int().optional().meta({ description: 'Memberships using the role.' }),
  })
  .meta({ id: 'Role' });

export const roleListSchema = z.object({ roles: z.array(roleSchema) }).meta({ id: 'RoleList' });
