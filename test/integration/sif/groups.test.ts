/**
 * SIF acceptance scenarios, accessManagement_groups.feature, against the local stack.
 * Adaptations: users are created with generated passwords (see sifSupport.ts); the group names
 * carry a per-run suffix because the stack (and its root group) is shared with other test files;
 * "I pause for 1000ms" steps are dropped.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../support/api.ts';
import { runSuffix, sifGroupPath, sifUser, type SifUser } from './sifSupport.ts';

describe('SIF accessManagement_groups.feature', () => {
  const suffix = runSuffix();
  const group1Name = `accessManagementGroupTests1-${suffix}`;
  const group1Id = `/${group1Name.toLowerCase()}`;
  let contributor: SifUser;
  let admin: SifUser;

  it('Setup users', async () => {
    contributor = await sifUser('accessmanagement-group-contributor', { '/': 'contributor' });
    admin = await sifUser('accessmanagement-group-admin', { '/': 'admin' });

    expect(contributor.token).toEqual(expect.any(String));
    expect(admin.token).toEqual(expect.any(String));
  });

  it('Admin can create a new group', async () => {
    const created = await api('POST', '/groups', {
      token: admin.token,
      body: { name: group1Name, configuration: { pipelineProcessor: { triggerMetricAggregations: true } } },
    });

    expect(created.status).toBe(201);
    expect(created.headers.get('x-groupid')).toBe(group1Id);
    expect(created.body.id).toBe(group1Id);
    expect(created.body.name).toBe(group1Name);
    expect(created.body.createdBy).toBe(admin.email);
    expect(created.body.createdAt).toEqual(expect.any(String));

    const read = await api('GET', sifGroupPath(group1Id), { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(group1Id);
    expect(read.body.name).toBe(group1Name);
    expect(read.body.configuration.pipelineProcessor.triggerMetricAggregations).toBe(true);
  });

  it('Admin can modify existing group', async () => {
    const patched = await api('PATCH', sifGroupPath(group1Id), {
      token: admin.token,
      body: { name: group1Name, configuration: { pipelineProcessor: { triggerMetricAggregations: false } } },
    });
    expect(patched.status).toBe(200);

    const read = await api('GET', sifGroupPath(group1Id), { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(group1Id);
    expect(read.body.name).toBe(group1Name);
    expect(read.body.configuration.pipelineProcessor.triggerMetricAggregations).toBe(false);
  });

  it('Contributor cannot create a new group', async () => {
    const group2Name = `accessManagementGroupTests2-${suffix}`;

    const response = await api('POST', '/groups', { token: contributor.token, body: { name: group2Name } });

    expect(response.status).toBe(403);
    expect((await api('GET', sifGroupPath(`/${group2Name.toLowerCase()}`), { token: admin.token })).status).toBe(404);
  });

  it('Group names cannot contain spaces', async () => {
    const response = await api('POST', '/groups', {
      token: admin.token,
      body: { name: `accessManagementGroupTests 3-${suffix}` },
    });

    expect(response.status).toBe(400);
  });

  it('Active groups cannot be deleted', async () => {
    // SIF addresses the group with its mixed-case name (`%2faccessManagementGroupTests1`): ids are case-insensitive.
    const response = await api('DELETE', sifGroupPath(`/${group1Name}`), { token: admin.token });

    expect(response.status).toBe(409);
    expect((await api('GET', sifGroupPath(group1Id), { token: admin.token })).status).toBe(200);
  });

  it('Groups must be disabled before deletion', async () => {
    const disabled = await api('PATCH', sifGroupPath(`/${group1Name}`), { token: admin.token, body: { state: 'disabled' } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.state).toBe('disabled');

    const deleted = await api('DELETE', sifGroupPath(`/${group1Name}`), { token: admin.token });
    expect(deleted.status).toBe(204);

    const read = await api('GET', sifGroupPath(`/${group1Name}`), { token: admin.token });
    expect(read.status).toBe(404);
  });

  // Scenario "Teardown - delete user" (revoke both users at /) is not translated: there is no users API yet.
});
