/** Route manifest entries: The group tree and tag values. */
import { createGroupBody, getGroupQuery, groupPathParams, listGroupsQuery, updateGroupBody } from '../schemas/groups.ts';
import { tagValuesPathParams, tagValuesQuery } from '../schemas/tagValues.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

export const createGroup = /* @__PURE__ */ defineRoute({
  operationId: 'createGroup',
  method: 'POST',
  path: '/groups',
  handler: 'groups/createGroup',
  summary: 'Create a sub-group of the group in context',
  description: 'Creates `<context>/<lower-cased name>`. The new id is also returned in the `x-groupid` header.',
  tag: 'Groups',
  access: { kind: 'action', action: 'iam:groups:create', at: 'context' },
  request: { body: createGroupBody },
  success: { status: 201, description: 'The new group', schema: 'Group', headers: { 'x-groupid': 'The new group id' } },
  errors: { 404: 'The group in context does not exist', 409: 'The group already exists, or the group in context is disabled' },
});

export const listGroups = /* @__PURE__ */ defineRoute({
  operationId: 'listGroups',
  method: 'GET',
  path: '/groups',
  handler: 'groups/listGroups',
  summary: 'List groups around the group in context',
  description:
    'Default: the direct children of the context. `includeChildGroups=true`: every descendant. ' +
    '`includeParentGroups=true`: the context and its ancestors up to `/`. Both: ancestors first, then descendants. ' +
    'Items omit `configuration`. Pages carry `pagination.lastEvaluatedToken` while more remain.',
  tag: 'Groups',
  access: { kind: 'action', action: 'iam:groups:read', at: 'context' },
  request: { query: listGroupsQuery },
  success: { status: 200, description: 'A page of groups', schema: 'GroupList' },
});

export const getGroup = /* @__PURE__ */ defineRoute({
  operationId: 'getGroup',
  method: 'GET',
  path: '/groups/{groupId}',
  handler: 'groups/getGroup',
  summary: 'Get a group with its effective configuration',
  description: 'Readers of the group or of any ancestor may read it. A group you may not see is reported as not found.',
  tag: 'Groups',
  access: { kind: 'action', action: 'iam:groups:read', at: { pathParam: 'groupId' } },
  request: { params: groupPathParams, query: getGroupQuery },
  success: { status: 200, description: 'The group', schema: 'Group' },
});

export const updateGroup = /* @__PURE__ */ defineRoute({
  operationId: 'updateGroup',
  method: 'PATCH',
  path: '/groups/{groupId}',
  handler: 'groups/updateGroup',
  summary: 'Change a group',
  description:
    'Admins of the group (or an ancestor). Tags: a null or empty value removes the tag. Configuration: deep merge, null removes a key.' +
    ' Values already stored change nothing: no write, no audit or change event.',
  tag: 'Groups',
  access: { kind: 'action', action: 'iam:groups:update', at: { pathParam: 'groupId' } },
  request: { params: groupPathParams, body: updateGroupBody },
  success: { status: 200, description: 'The updated group', schema: 'Group' },
  errors: {
    403: 'You can see the group but are not its admin',
    409: 'The root group cannot be disabled, or a concurrent change won',
  },
});

export const deleteGroup = /* @__PURE__ */ defineRoute({
  operationId: 'deleteGroup',
  method: 'DELETE',
  path: '/groups/{groupId}',
  handler: 'groups/deleteGroup',
  summary: 'Delete a disabled group with no sub-groups and no members',
  tag: 'Groups',
  access: { kind: 'action', action: 'iam:groups:delete', at: { pathParam: 'groupId' } },
  request: { params: groupPathParams },
  success: { status: 204, description: 'Deleted' },
  errors: {
    403: 'You can see the group but are not its admin',
    409: 'The group is active, has sub-groups or members, or is the root',
  },
});

export const listTagValues = /* @__PURE__ */ defineRoute({
  operationId: 'listTagValues',
  method: 'GET',
  path: '/tags/{key}',
  handler: 'tags/listTagValues',
  summary: 'List the values of a tag in use within the group in context',
  description:
    'Hierarchical values (`region/emea/uk`) are listed one level at a time: `parentValue=region/emea` lists the next level.',
  tag: 'Tags',
  access: { kind: 'action', action: 'iam:tags:read', at: 'context' },
  request: { params: tagValuesPathParams, query: tagValuesQuery },
  success: { status: 200, description: 'A page of tag values', schema: 'TagValues' },
});

export const groupsRoutes = {
  createGroup,
  listGroups,
  getGroup,
  updateGroup,
  deleteGroup,
  listTagValues,
} satisfies Record<string, RouteDefinition>;
