/**
 * Tags are `{key: value}` strings on groups (and users). Values may be hierarchical:
 * `region/emea/uk` is also in use as `region/emea` and `region`, so tag value listings can be
 * browsed one level at a time.
 */
export type Tags = Record<string, string>;

export const MAX_TAGS = 10;
export const TAG_KEY_PATTERN = /^[a-zA-Z0-9_.:-]{1,64}$/;
export const MAX_TAG_VALUE_LENGTH = 128;

/** Applies a tag patch: a `null` or empty value removes the tag. */
export function applyTagPatch(current: Tags, patch: Record<string, string | null>): Tags {
  const next: Tags = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The value and each of its hierarchical parents, with the parent each is listed under. */
export function tagValueLevels(value: string): { parent: string; value: string }[] {
  const parts = value.split('/');
  return parts.map((_, i) => ({ parent: parts.slice(0, i).join('/'), value: parts.slice(0, i + 1).join('/') }));
}

/** Every (key, value level) a set of tags puts in use. */
export function tagLevels(tags: Tags): { key: string; parent: string; value: string }[] {
  return Object.entries(tags).flatMap(([key, value]) => tagValueLevels(value).map((level) => ({ key, ...level })));
}

/** `key:value` query filters; the value may itself contain colons. */
export function parseTagFilter(filter: string): { key: string; value: string } | undefined {
  const cut = filter.indexOf(':');
  if (cut <= 0) return undefined;
  return { key: filter.slice(0, cut), value: filter.slice(cut + 1) };
}
