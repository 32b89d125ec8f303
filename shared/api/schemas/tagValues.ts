import * as z from 'zod/mini';
import { countSchema } from './pagination.ts';
import { tagKeySchema } from './tags.ts';
import { defineSchema, withMeta } from './meta.ts';

export const tagValuesPathParams = /* @__PURE__ */ defineSchema(() => z.object({ key: tagKeySchema }));

export const tagValuesQuery = /* @__PURE__ */ defineSchema(() =>
  z.object({
    resourceType: withMeta(z._default(z.enum(['group', 'user']), 'group'), { description: 'Whose tags: groups or users.' }),
    parentValue: withMeta(z.optional(z.string().check(z.maxLength(128))), {
      description: 'List the level beneath this hierarchical value.',
      example: 'emea',
    }),
    count: countSchema,
    fromValue: withMeta(z.optional(z.string().check(z.maxLength(128))), {
      description: 'Resume after this value (`pagination.lastEvaluatedValue`).',
    }),
  }),
);

export const tagValuesSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      values: withMeta(z.record(z.string(), z.string()), {
        description: 'value → label (the last level of a hierarchical value).',
        example: { 'emea/uk': 'uk', 'emea/de': 'de' },
      }),
      pagination: z.optional(z.object({ lastEvaluatedValue: z.string() })),
    }),
    { id: 'TagValues' },
  ),
);
