/** A group as the API returns it: apart from the request schemas, so tenant routes carry no group-body validation. */
import * as z from 'zod/mini';
import { timestampsSchema } from './common.ts';
import { defineSchema, withMeta } from './meta.ts';

export const groupSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      id: withMeta(z.string(), { example: '/acme/finance' }),
      name: withMeta(z.string(), { example: 'Finance' }),
      plan: withMeta(z.optional(z.enum(['sole-trader', 'team', 'enterprise'])), {
        description: 'Tenants (top-level groups) only.',
      }),
      description: z.optional(z.string()),
      state: z.enum(['active', 'disabled']),
      tags: z.optional(z.record(z.string(), z.string())),
      configuration: z.optional(z.record(z.string(), z.unknown())),
      configurationSource: withMeta(z.optional(z.record(z.string(), z.record(z.string(), z.unknown()))), {
        description: 'With showConfigurationSource=true: what each group contributes.',
      }),
      ...timestampsSchema,
    }),
    { id: 'Group' },
  ),
);
