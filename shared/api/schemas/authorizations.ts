import * as z from 'zod/mini';
import { ACTION_LIMITS, ACTION_PATTERN, segmentCount } from '../../domain/access/permissions.ts';
import { emailSchema, groupIdSchema } from './common.ts';
import { defineSchema, withMeta } from './meta.ts';

const actionSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.string().check(
      z.maxLength(ACTION_LIMITS.maxLength),
      z.regex(ACTION_PATTERN, 'Actions are service:verb or service:resource:verb, lower case'),
      z.refine(
        (action: string) => segmentCount(action) <= ACTION_LIMITS.maxSegments,
        `An action has at most ${ACTION_LIMITS.maxSegments} segments`,
      ),
    ),
    { example: 'payments:approve' },
  ),
);

export const checkSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      action: actionSchema,
      groupId: withMeta(z.optional(groupIdSchema), {
        description: 'Where the action happens (plain or url-encoded); default: the group in context.',
        example: '/acme/finance',
      }),
      email: withMeta(z.optional(emailSchema), { description: 'Whom to check; default: you.' }),
    }),
    { id: 'AuthorizationCheck' },
  ),
);

export const decisionSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      allowed: z.boolean(),
      role: z.nullable(z.string()),
      grantedAt: withMeta(z.nullable(z.string()), { description: 'The group whose membership decided.' }),
      reason: z.string(),
    }),
    {
      id: 'AuthorizationDecision',
      example: {
        allowed: true,
        role: 'contributor',
        grantedAt: '/acme/finance',
        reason: 'contributor at /acme/finance allows payments:approve',
      },
    },
  ),
);

export const checkBatchBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ checks: z.array(checkSchema).check(z.minLength(1), z.maxLength(100)) }), {
    id: 'AuthorizationCheckBatch',
  }),
);

export const checkBatchResponse = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ results: z.array(decisionSchema) }), { id: 'AuthorizationDecisions' }),
);

export const permissionsQuery = /* @__PURE__ */ defineSchema(() => z.object({ groupId: z.optional(groupIdSchema) }));

export const permissionsSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      email: withMeta(z.string(), { format: 'email' }),
      groupId: z.string(),
      role: z.nullable(z.string()),
      grantedAt: z.nullable(z.string()),
      actions: withMeta(z.array(z.string()), {
        description: 'Action patterns the role allows there.',
        example: ['*:read', '*:list'],
      }),
    }),
    { id: 'EffectivePermissions' },
  ),
);
