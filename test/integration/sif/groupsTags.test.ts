/**
 * SIF acceptance scenarios, accessManagement_groups_tags.feature, against the local stack.
 *
 * Adaptations: the top-level group is `/group-tag-test-group-<suffix>` (T below). The users keep
 * SIF's roles at `/`. SIF lists with `x-groupcontextid: /` and `includeChildGroups=true` and expects
 * exactly its two groups, but `/` here holds other test files' groups too; so the lists use T as
 * the context with `includeParentGroups=true&includeChildGroups=true`, which returns `/`, T and
 * T's subgroup, and (with a tag filter, which applies to the parents too) exactly SIF's groups.
 * Users get generated passwords (sifSupport.ts).
 */
import { describe, expect, it } from 'vitest';
import { api, type ApiResponse } from '../support/api.ts';
import { ids, runSuffix, sifGroupPath, sifUser, type SifUser } from './sifSupport.ts';

type Listed = { id: string; tags?: Record<string, string> };

describe('SIF accessManagement_groups_tags.feature', () => {
  const groupName = `group-tag-test-group-${runSuffix()}`;
  const group = `/${groupName}`;
  const subgroup = `${group}/group-tag-test-subgroup`;
  let admin: SifUser;
  let reader: SifUser;

  const listed = (response: ApiResponse, id: string) => (response.body.groups as Listed[]).find((item) => item.id === id);

  async function expectBothGroupsListedWithTags(user: SifUser) {
    const response = await api('GET', '/groups?includeParentGroups=true&includeChildGroups=true', {
      token: user.token,
      groupContext: group,
    });
    expect(response.status).toBe(200);
    expect(ids(response)).toEqual(['/', group, subgroup]);
    expect(listed(response, group)?.tags).toMatchObject({ type: 'integration test', level: '1' });
    expect(listed(response, subgroup)?.tags).toMatchObject({ type: 'integration test', level: '2' });
  }

  async function expectBothGroupsReadableWithTags(
    user: SifUser,
    levels: { group: string; subgroup: string },
    feature?: { group: string; subgroup: string },
  ) {
    const top = await api('GET', sifGroupPath(group), { token: user.token, groupContext: '/' });
    expect(top.status).toBe(200);
    expect(top.body.id).toBe(group);
    expect(top.body.tags).toMatchObject({
      type: 'integration test',
      level: levels.group,
      ...(feature ? { feature: feature.group } : {}),
    });

    const sub = await api('GET', sifGroupPath(subgroup), { token: user.token, groupContext: group });
    expect(sub.status).toBe(200);
    expect(sub.body.id).toBe(subgroup);
    expect(sub.body.tags).toMatchObject({
      type: 'integration test',
      level: levels.subgroup,
      ...(feature ? { feature: feature.subgroup } : {}),
    });
  }

  it('Setup users', async () => {
    admin = await sifUser('group-tag-test-admin', { '/': 'admin' });
    reader = await sifUser('group-tag-test-reader', { '/': 'reader' });

    expect(admin.token).toEqual(expect.any(String));
    expect(reader.token).toEqual(expect.any(String));
  });

  it('Admin can create a new group with tags', async () => {
    const response = await api('POST', '/groups', {
      token: admin.token,
      groupContext: '/',
      body: { name: groupName, tags: { type: 'integration test', level: '1' } },
    });

    expect(response.status).toBe(201);
    expect(response.body.name).toBe(groupName);
    expect(response.body.tags.type).toBe('integration test');
    expect(response.body.tags.level).toBe('1');
  });

  it('Admin can create a new subgroup with tags', async () => {
    const response = await api('POST', '/groups', {
      token: admin.token,
      groupContext: group,
      body: { name: 'group-tag-test-subgroup', tags: { type: 'integration test', level: '2' } },
    });

    expect(response.status).toBe(201);
    expect(response.body.name).toBe('group-tag-test-subgroup');
    expect(response.body.tags.type).toBe('integration test');
    expect(response.body.tags.level).toBe('2');
  });

  it('Admin can view tags via list', async () => {
    await expectBothGroupsListedWithTags(admin);
  });

  it('Admin can view tags via get', async () => {
    await expectBothGroupsReadableWithTags(admin, { group: '1', subgroup: '2' });
  });

  it('Reader can view tags via list', async () => {
    await expectBothGroupsListedWithTags(reader);
  });

  it('Reader can view tags via get', async () => {
    await expectBothGroupsReadableWithTags(reader, { group: '1', subgroup: '2' });
  });

  it('Admin can update tags', async () => {
    const top = await api('PATCH', sifGroupPath(group), {
      token: admin.token,
      groupContext: '/',
      body: { tags: { type: 'integration test', level: 'one', feature: 'group' } },
    });
    expect(top.status).toBe(200);
    expect(top.body.id).toBe(group);
    expect(top.body.tags).toMatchObject({ type: 'integration test', level: 'one', feature: 'group' });

    const sub = await api('PATCH', sifGroupPath(subgroup), {
      token: admin.token,
      groupContext: group,
      body: { tags: { type: 'integration test', level: 'two', feature: 'subgroup' } },
    });
    expect(sub.status).toBe(200);
    expect(sub.body.id).toBe(subgroup);
    expect(sub.body.tags).toMatchObject({ type: 'integration test', level: 'two', feature: 'subgroup' });
  });

  it('Admin can view updated', async () => {
    await expectBothGroupsReadableWithTags(admin, { group: 'one', subgroup: 'two' }, { group: 'group', subgroup: 'subgroup' });
  });

  it('Admin can list groups by tags', async () => {
    const list = (tag: string) =>
      api('GET', `/groups?includeParentGroups=true&includeChildGroups=true&tags=${encodeURIComponent(tag)}&resourceType=group`, {
        token: admin.token,
        groupContext: group,
      });

    const byType = await list('type:integration test');
    expect(byType.status).toBe(200);
    expect(ids(byType)).toHaveLength(2);
    expect(listed(byType, group)?.tags).toMatchObject({ type: 'integration test', level: 'one', feature: 'group' });
    expect(listed(byType, subgroup)?.tags).toMatchObject({ type: 'integration test', level: 'two', feature: 'subgroup' });

    const levelOne = await list('level:one');
    expect(levelOne.status).toBe(200);
    expect(ids(levelOne)).toEqual([group]);
    expect(levelOne.body.groups[0].tags).toMatchObject({ type: 'integration test', level: 'one', feature: 'group' });

    const levelTwo = await list('level:two');
    expect(levelTwo.status).toBe(200);
    expect(ids(levelTwo)).toEqual([subgroup]);
    expect(levelTwo.body.groups[0].tags).toMatchObject({ type: 'integration test', level: 'two', feature: 'subgroup' });
  });

  it('Admin can list tag values for a given tag key', async () => {
    const response = await api('GET', '/tags/type?resourceType=group', { token: admin.token, groupContext: group });

    expect(response.status).toBe(200);
    expect(response.body.values).toEqual({ 'integration test': 'integration test' });
  });

  it('Teardown /group-tag-test-group/group-tag-test-subgroup group used for testing', async () => {
    const disabled = await api('PATCH', sifGroupPath(subgroup), {
      token: admin.token,
      groupContext: group,
      body: { state: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.state).toBe('disabled');

    const deleted = await api('DELETE', sifGroupPath(subgroup), { token: admin.token, groupContext: group });
    expect(deleted.status).toBe(204);
  });

  it('Teardown /group-tag-test-group group used for testing', async () => {
    const disabled = await api('PATCH', sifGroupPath(group), {
      token: admin.token,
      groupContext: '/',
      body: { state: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.state).toBe('disabled');

    const deleted = await api('DELETE', sifGroupPath(group), { token: admin.token, groupContext: '/' });
    expect(deleted.status).toBe(204);
  });

  // Scenario "Teardown - delete users" (revoke both users at /) is not translated: there is no users API yet.
});
