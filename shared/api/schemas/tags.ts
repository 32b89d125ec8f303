import * as z from 'zod/mini';
import { MAX_TAG_VALUE_LENGTH, MAX_TAGS, parseTagFilter, TAG_KEY_PATTERN } from '../../domain/tags.ts';
import { repeatable } from './pagination.ts';
import { defineSchema, withMeta } from './meta.ts';

export const tagKeySchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.string().check(z.regex(TAG_KEY_PATTERN, 'Tag keys are 1 to 64 letters, digits, and _ . : -')), {
    example: 'region',
  }),
);

// The unit separator is reserved by the tag usage index; other control characters are never meaningful in a tag.
const tagValueSchema = /* @__PURE__ */ defineSchema(() =>
  z.string().check(
    z.minLength(1),
    z.maxLength(MAX_TAG_VALUE_LENGTH),
    // eslint-disable-next-line no-control-regex
    z.regex(/^[^\u0000-\u001f]+$/, 'Tag values may not contain control characters'),
  ),
);

export const tagsSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .record(tagKeySchema, tagValueSchema)
      .check(z.refine((tags: object) => Object.keys(tags).length <= MAX_TAGS, `At most ${MAX_TAGS} tags`)),
    {
      description: 'Tags; values may be hierarchical (`region/emea/uk`).',
      example: { region: 'emea/uk', costCentre: 'cc-42' },
    },
  ),
);

export const tagsPatchSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.record(tagKeySchema, z.nullable(z.union([tagValueSchema, z.literal('')]))), {
    description: 'Tags to set; a null or empty value removes the tag.',
    example: { region: 'emea/de', costCentre: null },
  }),
);

const MAX_TAG_FILTERS = 10;

export const tagFiltersSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.pipe(
      repeatable(
        z.string().check(z.refine((filter: string) => parseTagFilter(filter) !== undefined, 'Tag filters are key:value')),
      ).check(z.refine((filters: string[]) => filters.length <= MAX_TAG_FILTERS, `At most ${MAX_TAG_FILTERS} tag filters`)),
      z.transform((filters: string[]) => filters.map((filter) => parseTagFilter(filter)!)),
    ),
    {
      description: 'Only resources with this tag, as `key:value`; repeat for several (all must match).',
      example: 'region:emea/uk',
    },
  ),
);
