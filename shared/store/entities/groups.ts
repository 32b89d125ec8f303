import type { GroupRecord } from '../storedRecords.ts';
import { defineEntity, type ListsEveryField } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** A group's record fields, in the order clients see them. */
export const GROUP_RECORD_FIELDS = [
  'id',
  'name',
  'plan',
  'description',
  'state',
  'tags',
  'configuration',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
] as const satisfies readonly (keyof GroupRecord)[];
const everyGroupField: ListsEveryField<GroupRecord, typeof GROUP_RECORD_FIELDS> = true;
void everyGroupField;

export const GROUP_ENTITY = defineEntity({
  item: 'group',
  type: 'group',
  pk: keyTemplate('GROUP#<id>'),
  sk: keyTemplate('GROUP'),
  indexes: {
    gsi1: { pk: keyTemplate('CHILDREN#<parentId>'), sk: keyTemplate('<id>') },
    gsi2: { pk: keyTemplate('TREE'), sk: keyTemplate('<id>') },
  },
  fields: [...GROUP_RECORD_FIELDS, 'version', 'childCount', 'memberCount', 'userCount', 'userLimit'],
});

export const GROUP_TREE_PARTITION = GROUP_ENTITY.indexes.gsi2.pk.build({});
export const childrenPartition = (parentId: string) => GROUP_ENTITY.indexes.gsi1.pk.build({ parentId });

export const groupKey = (id: string) => ({ pk: GROUP_ENTITY.pk.build({ id }), sk: GROUP_ENTITY.sk.build({}) });
export const groupIndexKeys = (id: string, parentId: string | undefined) => ({
  ...(parentId === undefined ? {} : { gsi1pk: childrenPartition(parentId), gsi1sk: GROUP_ENTITY.indexes.gsi1.sk.build({ id }) }),
  gsi2pk: GROUP_TREE_PARTITION,
  gsi2sk: GROUP_ENTITY.indexes.gsi2.sk.build({ id }),
});
