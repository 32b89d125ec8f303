/**
 * SIF acceptance scenarios, accessManagement_groups_hierarchical.feature, against the local stack.
 *
 * Adaptation: SIF patches the configuration of the root group `/`, which every other test file
 * shares. Here a unique top-level group (`/root-<suffix>`) plays SIF's root: the admin is admin
 * there (not at `/`), so it is also their default group context, and every scenario runs beneath it.
 * Every SIF id `/x` becomes `<root>/x`, including configuration values that name groups
 * (`preferredGroup`). The root name is short because SIF's deepest id is already 96 characters and
 * ids are limited to 114. "I pause" steps are dropped; users get generated passwords (sifSupport.ts).
 */
import { describe, expect, it } from 'vitest';
import { api } from '../support/api.ts';
import { disableAndDelete, expectCreated, ids, runSuffix, sifGroupPath, sifUser, type SifUser } from './sifSupport.ts';

describe('SIF accessManagement_groups_hierarchical.feature', () => {
  const suffix = runSuffix();
  const root = `/root-${suffix}`;
  const tests1 = `${root}/accessmanagementhierarchicalgrouptests1`;
  const tests2 = `${tests1}/accessmanagementgrouptests2`;
  const tests3 = `${tests2}/accessmanagementgrouptests3`;
  const override1 = `${root}/groupoverridde1`;
  const override2 = `${override1}/groupoverridde2`;
  let admin: SifUser;

  it('Setup users', async () => {
    // SIF's root stand-in is created by the seeded admin's equivalent: straight through the API by an admin of `/`.
    const rootAdmin = await sifUser('accessmanagement-hierarchical-setup', { '/': 'admin' });
    const created = await api('POST', '/groups', { token: rootAdmin.token, groupContext: '/', body: { name: `root-${suffix}` } });
    expect(created.status).toBe(201);

    admin = await sifUser('accessmanagement-hierarchical-admin', { [root]: 'admin' });
    expect(admin.token).toEqual(expect.any(String));
  });

  it('Admin should be able to set default configuration in root group', async () => {
    const response = await api('PATCH', sifGroupPath(root), {
      token: admin.token,
      body: {
        configuration: {
          preferredGroup: root,
          referenceDatasets: { alwaysUseLatest: false },
          pipelineProcessor: { chunkSize: 1 },
        },
      },
    });

    expect(response.status).toBe(200);
    expect(response.body.configuration.preferredGroup).toBe(root);
    expect(response.body.configuration.referenceDatasets.alwaysUseLatest).toBe(false);
    expect(response.body.configuration.pipelineProcessor.chunkSize).toBe(1);
  });

  it('Admin should be able to create a new child group that inherit application configuration from parent', async () => {
    // No x-groupcontextid, as in SIF: the admin's default group (their only membership) is the root stand-in.
    const response = await api('POST', '/groups', {
      token: admin.token,
      body: { name: 'accessmanagementhierarchicalgrouptests1' },
    });

    expectCreated(response, { id: tests1, name: 'accessmanagementhierarchicalgrouptests1', createdBy: admin.email });
    expect(response.body.configuration.preferredGroup).toBe(root);
    expect(response.body.configuration.referenceDatasets.alwaysUseLatest).toBe(false);
    expect(response.body.configuration.pipelineProcessor.chunkSize).toBe(1);
  });

  it('Admin should be able to create a new child group that overrides application configuration from parent', async () => {
    const response = await api('POST', '/groups', {
      token: admin.token,
      body: { name: 'groupOverridde1', configuration: { preferredGroup: override1 } },
    });

    expectCreated(response, { id: override1, name: 'groupOverridde1', createdBy: admin.email });
    expect(response.body.configuration.preferredGroup).toBe(override1);
    expect(response.body.configuration.referenceDatasets.alwaysUseLatest).toBe(false);
    expect(response.body.configuration.pipelineProcessor.chunkSize).toBe(1);

    const read = await api('GET', sifGroupPath(override1), { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.configuration.preferredGroup).toBe(override1);
    expect(read.body.configuration.referenceDatasets.alwaysUseLatest).toBe(false);
    expect(read.body.configuration.pipelineProcessor.chunkSize).toBe(1);
  });

  it('Admin should be able to create a new child group that overrides application configuration from its immediate parent up to the root', async () => {
    const response = await api('POST', '/groups', {
      token: admin.token,
      groupContext: override1,
      body: { name: 'groupOverridde2', configuration: { referenceDatasets: { alwaysUseLatest: true } } },
    });

    expectCreated(response, { id: override2, name: 'groupOverridde2', createdBy: admin.email });
    expect(response.body.configuration.preferredGroup).toBe(override1);
    expect(response.body.configuration.referenceDatasets.alwaysUseLatest).toBe(true);
    expect(response.body.configuration.pipelineProcessor.chunkSize).toBe(1);

    const read = await api('GET', sifGroupPath(override2), { token: admin.token, groupContext: override1 });
    expect(read.status).toBe(200);
    expect(read.body.configuration.preferredGroup).toBe(override1);
    expect(read.body.configuration.referenceDatasets.alwaysUseLatest).toBe(true);
    expect(read.body.configuration.pipelineProcessor.chunkSize).toBe(1);
  });

  it('When Admin modify application configuration on root, the modified configuration that is not overridden by its descendants should cascade', async () => {
    const patched = await api('PATCH', sifGroupPath(root), {
      token: admin.token,
      body: { configuration: { pipelineProcessor: { chunkSize: 3 } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.configuration.preferredGroup).toBe(root);
    expect(patched.body.configuration.referenceDatasets.alwaysUseLatest).toBe(false);
    expect(patched.body.configuration.pipelineProcessor.chunkSize).toBe(3);

    // Its direct descendant
    const child = await api('GET', sifGroupPath(override1), { token: admin.token, groupContext: root });
    expect(child.status).toBe(200);
    expect(child.body.configuration.preferredGroup).toBe(override1);
    expect(child.body.configuration.referenceDatasets.alwaysUseLatest).toBe(false);
    expect(child.body.configuration.pipelineProcessor.chunkSize).toBe(3);

    // Its leaf descendant
    const leaf = await api('GET', sifGroupPath(override2), { token: admin.token, groupContext: override1 });
    expect(leaf.status).toBe(200);
    expect(leaf.body.configuration.preferredGroup).toBe(override1);
    expect(leaf.body.configuration.referenceDatasets.alwaysUseLatest).toBe(true);
    expect(leaf.body.configuration.pipelineProcessor.chunkSize).toBe(3);
  });

  it('When listing group it should not include the configuration field in the payload', async () => {
    const response = await api('GET', '/groups', { token: admin.token });

    expect(response.status).toBe(200);
    const listed = response.body.groups as Record<string, unknown>[];
    const tests1Item = listed.find((group) => group.id === tests1);
    const override1Item = listed.find((group) => group.id === override1);
    expect(tests1Item).toBeDefined();
    expect(tests1Item).not.toHaveProperty('configuration');
    expect(override1Item).toBeDefined();
    expect(override1Item).not.toHaveProperty('configuration');
  });

  it('Admin should be able to view detail to configuration source from the hierarchies', async () => {
    const response = await api('GET', `${sifGroupPath(override2)}?showConfigurationSource=true`, {
      token: admin.token,
      groupContext: override1,
    });

    expect(response.status).toBe(200);
    expect(response.body.configuration.preferredGroup).toBe(override1);
    expect(response.body.configuration.referenceDatasets.alwaysUseLatest).toBe(true);
    const source = response.body.configurationSource;
    // Default configuration on the root stand-in
    expect(source[root].preferredGroup).toBe(root);
    expect(source[root].referenceDatasets.alwaysUseLatest).toBe(false);
    expect(source[root].pipelineProcessor.chunkSize).toBe(3);
    // Override by parent groupoverridde1
    expect(source[override1].preferredGroup).toBe(override1);
    expect(source[override1].referenceDatasets).toBeUndefined();
    expect(source[override1].pipelineProcessor).toBeUndefined();
    // Override by the group itself, groupoverridde1/groupoverridde2
    expect(source[override2].referenceDatasets.alwaysUseLatest).toBe(true);
    expect(source[override2].preferredGroup).toBeUndefined();
    expect(source[override2].pipelineProcessor).toBeUndefined();
  });

  it('Admin should be able to modify a new child group that overrides application configuration from its immediate parent up to the root', async () => {
    const patched = await api('PATCH', sifGroupPath(override2), {
      token: admin.token,
      groupContext: override1,
      body: { configuration: { preferredGroup: override2, referenceDatasets: { alwaysUseLatest: true } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.configuration.preferredGroup).toBe(override2);
    expect(patched.body.configuration.referenceDatasets.alwaysUseLatest).toBe(true);
    expect(patched.body.configuration.pipelineProcessor.chunkSize).toBe(3);

    const read = await api('GET', sifGroupPath(override2), { token: admin.token, groupContext: override1 });
    expect(read.status).toBe(200);
    expect(read.body.configuration.preferredGroup).toBe(override2);
    expect(read.body.configuration.referenceDatasets.alwaysUseLatest).toBe(true);
    expect(read.body.configuration.pipelineProcessor.chunkSize).toBe(3);
  });

  it('Admin should be able to create a nested child group', async () => {
    const second = await api('POST', '/groups', {
      token: admin.token,
      groupContext: tests1,
      body: { name: 'accessManagementGroupTests2' },
    });
    expectCreated(second, { id: tests2, name: 'accessManagementGroupTests2', createdBy: admin.email });

    const third = await api('POST', '/groups', {
      token: admin.token,
      groupContext: tests2,
      body: { name: 'accessManagementGroupTests3' },
    });
    expectCreated(third, { id: tests3, name: 'accessManagementGroupTests3', createdBy: admin.email });
  });

  it('Creating a nested group with an invalid parent is not allowed', async () => {
    const response = await api('POST', '/groups', {
      token: admin.token,
      groupContext: '/this-is_an_invalid_group',
      body: { name: 'accessManagementGroupTests3' },
    });

    expect(response.status).toBe(404);
  });

  // The ancestors now include the root stand-in between `/` and the context, so the two lists
  // with includeParentGroups hold one group more than SIF's (4 and 5 instead of 3 and 4).
  it('Retrieving reference datasets with includeParentGroups and includeChildGroups should return resources up and down the hierarchy.', async () => {
    const children = await api('GET', '/groups', { token: admin.token, groupContext: tests1 });
    expect(children.status).toBe(200);
    expect(ids(children)).toEqual([tests2]);

    const withParents = await api('GET', '/groups?includeParentGroups=true', { token: admin.token, groupContext: tests1 });
    expect(withParents.status).toBe(200);
    expect(ids(withParents)).toEqual(['/', root, tests1, tests2]);

    const descendants = await api('GET', '/groups?includeChildGroups=true', { token: admin.token, groupContext: tests1 });
    expect(descendants.status).toBe(200);
    expect(ids(descendants)).toHaveLength(2);
    expect(ids(descendants)).toEqual(expect.arrayContaining([tests2, tests3]));

    const both = await api('GET', '/groups?includeChildGroups=true&includeParentGroups=true', {
      token: admin.token,
      groupContext: tests1,
    });
    expect(both.status).toBe(200);
    expect(ids(both)).toHaveLength(5);
    expect(ids(both).slice(0, 3)).toEqual(['/', root, tests1]);
    expect(ids(both)).toEqual(expect.arrayContaining([tests2, tests3]));
  });

  it('Active groups cannot be deleted', async () => {
    const response = await api('DELETE', sifGroupPath(tests1), { token: admin.token });

    expect(response.status).toBe(409);
  });

  it('Disabled groups cannot be deleted if it contains sub groups', async () => {
    const disabled = await api('PATCH', sifGroupPath(tests1), { token: admin.token, body: { state: 'disabled' } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.state).toBe('disabled');

    const response = await api('DELETE', sifGroupPath(tests1), { token: admin.token });
    expect(response.status).toBe(409);
  });

  it('Disabled groups with no sub groups can be deleted', async () => {
    await disableAndDelete(admin.token, tests3, tests2);
    await disableAndDelete(admin.token, tests2, tests1);
    expect((await api('GET', sifGroupPath(tests2), { token: admin.token, groupContext: tests1 })).status).toBe(404);

    const deleted = await api('DELETE', sifGroupPath(tests1), { token: admin.token, groupContext: tests1 });
    expect(deleted.status).toBe(204);
    expect((await api('GET', sifGroupPath(tests1), { token: admin.token })).status).toBe(404);
  });

  it('Teardown group used in application configuration tests', async () => {
    await disableAndDelete(admin.token, override2, override1);
    expect((await api('GET', sifGroupPath(override2), { token: admin.token, groupContext: override1 })).status).toBe(404);

    await disableAndDelete(admin.token, override1, root);
    expect((await api('GET', sifGroupPath(override1), { token: admin.token, groupContext: root })).status).toBe(404);
  });

  // Scenario "Teardown - delete user" (revoke the admin) is not translated: there is no users API yet.
  // The root stand-in stays behind (it still has the admin as member); every run uses a fresh one.
});
