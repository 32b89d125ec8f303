import * as z from 'zod';
import { ACTION_LIMITS, ACTION_PATTERN, segmentCount } from '../../domain/access/permissions.ts';
import { emailSchema, groupIdSchema } from './common.ts';

const actionSchema = z
  .string()
  .max(ACTION_LIMITS.maxLength)
  .regex(ACTION_PATTERN, 'Actions are service:verb or service:resource:verb, lower case')
  .refine(
    (action) => segmentCount(action) <= ACTION_LIMITS.maxSegments,
    `An action has at most ${ACTION_LIMITS.maxSegments} segments`,
  )
  .meta({ example: 'payments:approve' });

export const checkSchema = z
  .object({
    action: actionSchema,
    groupId: groupIdSchema.optional().meta({
      description: 'Where the action happens (plain or url-encoded); default: the group in context.',
      example: '/acme/finance',
    }),
    email: emailSchema.optional().meta({ description: 'Whom to check; default: you.' }),
  })
  .meta({ id: 'AuthorizationCheck' });

export const decisionSchema = z
  .object({
    allowed: z.boolean(),
    role: z.string().nullable(),
    grantedAt: z.string().nullable().meta({ description: 'The group whose membership decided.' }),
    reason: z.string(),
  })
  .meta({
    id: 'AuthorizationDecision',
    example: {
      allowed: true,
      role: 'contributor',
      grantedAt: '/acme/finance',
      reason: 'contributor at /acme/finance allows payments:approve',
    },
  });

export const checkBatchBody = z.object({ checks: z.array(checkSchema).min(1).max(100) }).meta({ id: 'AuthorizationCheckBatch' });

export const checkBatchResponse = z.object({ results: z.array(decisionSchema) }).meta({ id: 'AuthorizationDecisions' });

export const permissionsQuery = z.object({ groupId: groupIdSchema.optional() });

export const permissionsSchema = z
  .object({
    email: z.string().meta({ format: 'email' }),
    groupId: z.string(),
    role: z.string().nullable(),
    grantedAt: z.string().nullable(),
    actions: z.array(z.string()).meta({ description: 'Action patterns the role allows there.', example: ['*:read', '*:list'] }),
  })
  .meta({ id: 'EffectivePermissions' });
