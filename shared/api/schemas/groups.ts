import * as z from 'zod/mini';
import { GROUP_NAME_PATTERN, MAX_GROUP_ID_LENGTH } from '../../domain/groupPath.ts';
import { groupIdSchema } from './common.ts';
import { configurationSchema } from './configuration.ts';
import { groupSchema } from './groupResponse.ts';
import { defineSchema, withMeta } from './meta.ts';
import { booleanFlag, countSchema, fromTokenSchema, paginationSchema } from './pagination.ts';
import { tagFiltersSchema, tagsPatchSchema, tagsSchema } from './tags.ts';

const descriptionSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.string().check(z.maxLength(1024)), { example: 'Finance department' }),
);

export const groupPathParams = /* @__PURE__ */ defineSchema(() => z.object({ groupId: groupIdSchema }));

export const createGroupBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.strictObject({
      name: withMeta(
        z.string().check(
          z.regex(GROUP_NAME_PATTERN, 'Group names are letters, digits and hyphens'),
          // A name at `/` makes the id `/<name>`; deeper ones are refused when the whole id grows too long.
          z.maxLength(MAX_GROUP_ID_LENGTH - 1),
        ),
        { example: 'Finance' },
      ),
      description: z.optional(descriptionSchema),
      tags: z.optional(tagsSchema),
      configuration: z.optional(configurationSchema),
    }),
    { id: 'NewGroup' },
  ),
);

export const updateGroupBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .strictObject({
        name: withMeta(z.optional(z.string()), {
          description: 'Accepted for SIF compatibility only when it equals the current name: groups cannot be renamed.',
        }),
        description: z.optional(descriptionSchema),
        state: z.optional(z.enum(['active', 'disabled'])),
        tags: z.optional(tagsPatchSchema),
        configuration: z.optional(configurationSchema),
      })
      .check(
        z.refine(
          (body: object) => Object.keys(body).length > 0,
          'Request body should contain one or more of: description, state, tags, configuration',
        ),
      ),
    {
      id: 'GroupChanges',
      minProperties: 1,
      example: { description: 'Accounts payable and receivable', tags: { region: 'emea/uk' } },
    },
  ),
);

export const getGroupQuery = /* @__PURE__ */ defineSchema(() =>
  z.object({
    showConfigurationSource: withMeta(z.optional(booleanFlag), {
      description: 'Add what each ancestor contributes to the configuration.',
    }),
  }),
);

export const listGroupsQuery = /* @__PURE__ */ defineSchema(() =>
  z.object({
    includeChildGroups: withMeta(booleanFlag, { description: 'Every descendant of the context, not only its children.' }),
    includeParentGroups: withMeta(booleanFlag, { description: 'The context and its ancestors up to `/` (listed first).' }),
    tags: tagFiltersSchema,
    count: countSchema,
    fromToken: fromTokenSchema,
    resourceType: withMeta(z.optional(z.literal('group')), { description: 'Accepted for SIF compatibility.' }),
  }),
);

export const groupListSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      groups: z.array(z.omit(groupSchema, { configuration: true, configurationSource: true })),
      pagination: z.optional(paginationSchema),
    }),
    { id: 'GroupList' },
  ),
);
