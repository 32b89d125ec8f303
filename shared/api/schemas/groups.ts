import * as z from 'zod';
import { GROUP_NAME_PATTERN, MAX_GROUP_ID_LENGTH } from '../../domain/groupPath.ts';
import { groupIdSchema, timestampsSchema } from './common.ts';
import { configurationSchema } from './configuration.ts';
import { booleanFlag, countSchema, fromTokenSchema, paginationSchema } from './pagination.ts';
import { tagFiltersSchema, tagsPatchSchema, tagsSchema } from './tags.ts';

const descriptionSchema = z.string().max(1024).meta({ example: 'Finance department' });

export const groupSchema = z
  .object({
    id: z.string().meta({ example: '/acme/finance' }),
    name: z.string().meta({ example: 'Finance' }),
    plan: z.enum(['sole-trader', 'team', 'enterprise']).optional().meta({ description: 'Tenants (top-level groups) only.' }),
    description: z.string().optional(),
    state: z.enum(['active', 'disabled']),
    tags: z.record(z.string(), z.string()).optional(),
    configuration: z.record(z.string(), z.unknown()).optional(),
    configurationSource: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional()
      .meta({ description: 'With showConfigurationSource=true: what each group contributes.' }),
    ...timestampsSchema,
  })
  .meta({ id: 'Group' });

export const groupPathParams = z.object({ groupId: groupIdSchema });

export const createGroupBody = z
  .strictObject({
    name: z
      .string()
      .regex(GROUP_NAME_PATTERN, 'Group names are letters, digits and hyphens')
      // A name at `/` makes the id `/<name>`; deeper ones are refused when the whole id grows too long.
      .max(MAX_GROUP_ID_LENGTH - 1)
      .meta({ example: 'Finance' }),
    description: descriptionSchema.optional(),
    tags: tagsSchema.optional(),
    configuration: configurationSchema.optional(),
  })
  .meta({ id: 'NewGroup' });

export const updateGroupBody = z
  .strictObject({
    name: z
      .string()
      .optional()
      .meta({ description: 'Accepted for SIF compatibility only when it equals the current name: groups cannot be renamed.' }),
    description: descriptionSchema.optional(),
    state: z.enum(['active', 'disabled']).optional(),
    tags: tagsPatchSchema.optional(),
    configuration: configurationSchema.optional(),
  })
  .refine(
    (body) => Object.keys(body).length > 0,
    'Request body should contain one or more of: description, state, tags, configuration',
  )
  .meta({
    id: 'GroupChanges',
    minProperties: 1,
    example: { description: 'Accounts payable and receivable', tags: { region: 'emea/uk' } },
  });

export const getGroupQuery = z.object({
  showConfigurationSource: booleanFlag
    .optional()
    .meta({ description: 'Add what each ancestor contributes to the configuration.' }),
});

export const listGroupsQuery = z.object({
  includeChildGroups: booleanFlag.meta({ description: 'Every descendant of the context, not only its children.' }),
  includeParentGroups: booleanFlag.meta({ description: 'The context and its ancestors up to `/` (listed first).' }),
  tags: tagFiltersSchema,
  count: countSchema,
  fromToken: fromTokenSchema,
  resourceType: z.literal('group').optional().meta({ description: 'Accepted for SIF compatibility.' }),
});

export const groupListSchema = z
  .object({
    groups: z.array(groupSchema.omit({ configuration: true, configurationSource: true })),
    pagination: paginationSchema.optional(),
  })
  .meta({ id: 'GroupList' });
