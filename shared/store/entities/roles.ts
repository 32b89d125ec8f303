import { defineEntity } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** Custom roles, by the group that defines them; `useCount` counts the memberships granting it. */
export const CUSTOM_ROLE_ENTITY = defineEntity({
  item: 'custom role',
  type: 'role',
  pk: keyTemplate('ROLE#<groupId>'),
  sk: keyTemplate('<name>'),
  fields: ['actions', 'definedAt', 'description', 'useCount', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt'],
});

export const rolePartition = (groupId: string) => CUSTOM_ROLE_ENTITY.pk.build({ groupId });
export const roleKey = (groupId: string, name: string) => ({
  pk: rolePartition(groupId),
  sk: CUSTOM_ROLE_ENTITY.sk.build({ name }),
});
