import { defineEntity } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** Separates a tag value's parent level from the value: the unit separator U+001F, which tag values may not contain. */
export const TAG_SEPARATOR = '\u001f';

/**
 * For every group, how many resources in its subtree (itself included) carry each tag value, at
 * every level of a hierarchical value, so `GET /tags/{key}` is one Query of one partition.
 */
export const TAG_USAGE_ENTITY = defineEntity({
  item: 'tag usage counter',
  type: 'tagUsage',
  pk: keyTemplate('TAGUSE#<resourceType>#<groupId>#<key>'),
  sk: keyTemplate(`<parent>${TAG_SEPARATOR}<value>`),
  fields: ['count', 'value'],
});

export const tagUsagePartition = (resourceType: string, groupId: string, key: string) =>
  TAG_USAGE_ENTITY.pk.build({ resourceType, groupId, key });
export const tagUsageKey = (resourceType: string, groupId: string, key: string, parent: string, value: string) => ({
  pk: tagUsagePartition(resourceType, groupId, key),
  sk: TAG_USAGE_ENTITY.sk.build({ parent, value }),
});
