import * as z from 'zod';
import { countSchema } from './pagination.ts';
import { tagKeySchema } from './tags.ts';

export const tagValuesPathParams = z.object({ key: tagKeySchema });

export const tagValuesQuery = z.object({
  resourceType: z.enum(['group', 'user']).default('group').meta({ description: 'Whose tags: groups or users.' }),
  parentValue: z
    .string()
    .max(128)
    .optional()
    .meta({ description: 'List the level beneath this hierarchical value.', example: 'emea' }),
  count: countSchema,
  fromValue: z.string().max(128).optional().meta({ description: 'Resume after this value (`pagination.lastEvaluatedValue`).' }),
});

export const tagValuesSchema = z
  .object({
    values: z.record(z.string(), z.string()).meta({
      description: 'value → label (the last level of a hierarchical value).',
      example: { 'emea/uk': 'uk', 'emea/de': 'de' },
    }),
    pagination: z.object({ lastEvaluatedValue: z.string() }).optional(),
  })
  .meta({ id: 'TagValues' });
