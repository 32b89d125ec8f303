import * as z from 'zod/mini';
import { ACTION_LIMITS, ACTION_OR_WILDCARD_PATTERN, segmentCount } from '../../domain/access/permissions.ts';
import { CUSTOM_ROLE_NAME_PATTERN } from '../../domain/roles.ts';
import { defineSchema, withMeta } from './meta.ts';

const actionPatterns = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .array(
        z.string().check(
          z.maxLength(ACTION_LIMITS.maxLength),
          z.regex(ACTION_OR_WILDCARD_PATTERN, 'Actions are service:verb patterns; * stands for one or more segments'),
          z.refine(
            (pattern: string) => segmentCount(pattern) <= ACTION_LIMITS.maxSegments,
            `A pattern has at most ${ACTION_LIMITS.maxSegments} segments`,
          ),
        ),
      )
      .check(z.minLength(1), z.maxLength(ACTION_LIMITS.maxPatternsPerRole)),
    { example: ['payments:*', 'accounts:read'] },
  ),
);

const roleName = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .string()
      .check(
        z.regex(
          CUSTOM_ROLE_NAME_PATTERN,
          'Role names are 2 to 32 lower-case letters, digits and hyphens, starting with a letter',
        ),
      ),
    { example: 'payments-approver' },
  ),
);

export const createRoleBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.strictObject({ name: roleName, description: z.optional(z.string().check(z.maxLength(1024))), actions: actionPatterns }),
    {
      id: 'NewRole',
      example: { name: 'payments-approver', description: 'Approves payments', actions: ['payments:approve', 'accounts:read'] },
    },
  ),
);

export const updateRoleBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .strictObject({ description: z.optional(z.string().check(z.maxLength(1024))), actions: z.optional(actionPatterns) })
      .check(z.refine((body: object) => Object.keys(body).length > 0, 'Request body should contain description or actions')),
    { id: 'RoleChanges', minProperties: 1 },
  ),
);

export const rolePathParams = /* @__PURE__ */ defineSchema(() =>
  z.object({ name: z.string().check(z.minLength(1), z.maxLength(32)) }),
);

export const roleSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      name: z.string(),
      builtIn: z.boolean(),
      actions: z.array(z.string()),
      description: z.optional(z.string()),
      definedAt: z.optional(z.string()),
      inUse: withMeta(z.optional(z.number().check(z.int())), { description: 'Memberships using the role.' }),
    }),
    { id: 'Role' },
  ),
);

export const roleListSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ roles: z.array(roleSchema) }), { id: 'RoleList' }),
);
