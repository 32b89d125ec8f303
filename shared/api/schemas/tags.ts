import * as z from 'zod';
import { MAX_TAG_VALUE_LENGTH, MAX_TAGS, parseTagFilter, TAG_KEY_PATTERN } from '../../domain/tags.ts';
import { repeatable } from './pagination.ts';

export const tagKeySchema = z
  .string()
  .regex(TAG_KEY_PATTERN, 'Tag keys are 1 to 64 letters, digits, and _ . : -')
  .meta({ example: 'region' });

// The unit separator is reserved by the tag usage index; other control characters are never meaningful in a tag.
const tagValueSchema = z
  .string()
  .min(1)
  .max(MAX_TAG_VALUE_LENGTH)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f]+$/, 'Tag values may not contain control characters');

export const tagsSchema = z
  .record(tagKeySchema, tagValueSchema)
  .refine((tags) => Object.keys(tags).length <= MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .meta({
    description: 'Tags; values may be hierarchical (`region/emea/uk`).',
    example: { region: 'emea/uk', costCentre: 'cc-42' },
  });

export const tagsPatchSchema = z
  .record(tagKeySchema, tagValueSchema.or(z.literal('')).nullable())
  .meta({ description: 'Tags to set; a null or empty value removes the tag.', example: { region: 'emea/de', costCentre: null } });

const MAX_TAG_FILTERS = 10;

export const tagFiltersSchema = repeatable(
  z.string().refine((filter) => parseTagFilter(filter) !== undefined, 'Tag filters are key:value'),
)
  .refine((filters) => filters.length <= MAX_TAG_FILTERS, `At most ${MAX_TAG_FILTERS} tag filters`)
  .transform((filters) => filters.map((filter) => parseTagFilter(filter)!))
  .meta({
    description: 'Only resources with this tag, as `key:value`; repeat for several (all must match).',
    example: 'region:emea/uk',
  });
