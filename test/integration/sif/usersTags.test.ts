/**
 * SIF acceptance scenarios, accessManagement_user_tags.feature, against the local stack.
 *
 * Adaptations:
 * - The top-level group is `/user-tag-test-group-<suffix>` (T below) and the emails carry the same
 *   suffix. The admin of `/` is written straight to the local components with a generated password;
 *   "group X exists" runs as SIF's super user, the stack's admin of `/`.
 * - SIF invites with `"password": "p@ssword1"`, which breaks our password policy: SIF_PASSWORD
 *   instead. The invited user's first login answers NEW_PASSWORD_REQUIRED, completed with the same
 *   password, and turns `invited` into `active` (SIF keeps `invited`).
 * - SIF lists users by tag with `x-groupcontextid: /` and `includeChildGroups=true` and expects
 *   exactly its two users; `/` here holds every test file's users, so the listing uses T as the
 *   context (T and its subgroup hold exactly SIF's two users).
 * - `GET /tags/type?resourceType=user` lists the tag values of the users within the context's subtree.
 */
import { describe, expect, it } from 'vitest';
import { api, type ApiResponse } from '../support/api.ts';
import { disableAndDelete, runSuffix, sifGroupPath, sifUser, type SifUser } from './sifSupport.ts';
import { emails, expectInvited, SIF_PASSWORD, sifLogin, superUserToken, userPath } from './usersSupport.ts';

describe('SIF accessManagement_user_tags.feature', () => {
  const suffix = runSuffix();
  const groupName = `user-tag-test-group-${suffix}`;
  const group = `/${groupName}`;
  const subgroup = `${group}/user-tag-test-subgroup`;
  const abc = `user_tag_test_user_abc-${suffix}@example.com`;
  const xyz = `user_tag_test_user_xyz-${suffix}@example.com`;
  let admin: SifUser;
  let superUser: string;

  const expectUser = (
    response: ApiResponse,
    expected: { email: string; state: string; groups: Record<string, string>; defaultGroup: string; company: string },
  ) => {
    expect(response.status).toBe(200);
    expect(response.body.email).toBe(expected.email);
    expect(response.body.state).toBe(expected.state);
    expect(response.body.groups).toEqual(expected.groups);
    expect(response.body.defaultGroup).toBe(expected.defaultGroup);
    expect(response.body.createdBy).toBe(admin.email);
    expect(response.body.createdAt).toEqual(expect.any(String));
    expect(response.body.tags).toEqual({ type: 'integration test', company: expected.company });
  };

  it('Setup users', async () => {
    admin = await sifUser('user-tag-test-admin', { '/': 'admin' });
    superUser = await superUserToken();

    const top = await api('POST', '/groups', { token: superUser, groupContext: '/', body: { name: groupName } });
    expect(top.status).toBe(201);
    expect(top.body.id).toBe(group);
    const sub = await api('POST', '/groups', { token: superUser, groupContext: group, body: { name: 'user-tag-test-subgroup' } });
    expect(sub.status).toBe(201);
    expect(sub.body.id).toBe(subgroup);
  });

  it('Admin can invite new user at user-tag-test-group and tag user', async () => {
    const response = await api('POST', '/users', {
      token: admin.token,
      groupContext: group,
      body: {
        email: abc,
        defaultGroup: group,
        role: 'contributor',
        password: SIF_PASSWORD,
        tags: { type: 'integration test', company: 'abc' },
      },
    });

    expectInvited(response, { email: abc, groups: { [group]: 'contributor' }, defaultGroup: group, createdBy: admin.email });
    expect(response.body.tags).toEqual({ type: 'integration test', company: 'abc' });
  });

  it('Admin can invite new user at user-tag-test-subgroup and tag user', async () => {
    const response = await api('POST', '/users', {
      token: admin.token,
      groupContext: subgroup,
      body: {
        email: xyz,
        defaultGroup: subgroup,
        role: 'contributor',
        password: SIF_PASSWORD,
        tags: { type: 'integration test', company: 'abc' },
      },
    });

    expectInvited(response, {
      email: xyz,
      groups: { [subgroup]: 'contributor' },
      defaultGroup: subgroup,
      createdBy: admin.email,
    });
    expect(response.body.tags).toEqual({ type: 'integration test', company: 'abc' });
  });

  it('User abc can view tags', async () => {
    const { token, challenged } = await sifLogin(abc, SIF_PASSWORD);
    expect(challenged).toBe(true);

    const response = await api('GET', userPath(abc), { token, groupContext: group });

    // SIF: still `invited`; ours: the first login made abc `active`.
    expectUser(response, {
      email: abc,
      state: 'active',
      groups: { [group]: 'contributor' },
      defaultGroup: group,
      company: 'abc',
    });
  });

  it('Admin can update user tags', async () => {
    const patched = await api('PATCH', userPath(xyz), {
      token: admin.token,
      groupContext: subgroup,
      body: { tags: { type: 'integration test', company: 'xyz' } },
    });
    expect(patched.status).toBe(204);

    const response = await api('GET', userPath(xyz), { token: admin.token, groupContext: subgroup });
    // xyz never logged in: still `invited`.
    expectUser(response, {
      email: xyz,
      state: 'invited',
      groups: { [subgroup]: 'contributor' },
      defaultGroup: subgroup,
      company: 'xyz',
    });
    expect(response.body.updatedBy).toBe(admin.email);
  });

  it('Admin can list users by tags', async () => {
    const list = (tag: string) =>
      api('GET', `/users?includeChildGroups=true&tags=${encodeURIComponent(tag)}&resourceType=user`, {
        token: admin.token,
        groupContext: group,
      });

    const byType = await list('type:integration test');
    expect(byType.status).toBe(200);
    expect(byType.body.users).toHaveLength(2);
    expect([...emails(byType)].sort()).toEqual([abc, xyz].sort());

    const companyAbc = await list('company:abc');
    expect(companyAbc.status).toBe(200);
    expect(emails(companyAbc)).toEqual([abc]);

    const companyXyz = await list('company:xyz');
    expect(companyXyz.status).toBe(200);
    expect(emails(companyXyz)).toEqual([xyz]);
  });

  it('Admin can list tag values for a given tag key', async () => {
    const response = await api('GET', '/tags/type?resourceType=user', { token: admin.token, groupContext: group });

    expect(response.status).toBe(200);
    expect(response.body.values).toEqual({ 'integration test': 'integration test' });
  });

  it('Teardown / revoke users', async () => {
    expect((await api('DELETE', userPath(xyz), { token: admin.token, groupContext: subgroup })).status).toBe(204);
    expect((await api('DELETE', userPath(abc), { token: admin.token, groupContext: group })).status).toBe(204);

    // Their only memberships are gone, so are the users and the tag values they used.
    expect((await api('GET', userPath(xyz), { token: admin.token, groupContext: '/' })).status).toBe(404);
    expect((await api('GET', userPath(abc), { token: admin.token, groupContext: '/' })).status).toBe(404);
    const values = await api('GET', '/tags/type?resourceType=user', { token: admin.token, groupContext: group });
    expect(values.status).toBe(200);
    expect(values.body.values).toEqual({});
  });

  it('Teardown /user-tag-test-group/user-tag-test-subgroup group used for testing', async () => {
    await disableAndDelete(admin.token, subgroup, subgroup);
    expect((await api('GET', sifGroupPath(subgroup), { token: admin.token, groupContext: group })).status).toBe(404);
  });

  it('Teardown /user-tag-test-group group used for testing', async () => {
    await disableAndDelete(admin.token, group);
    expect((await api('GET', sifGroupPath(group), { token: admin.token })).status).toBe(404);
  });

  it('Teardown - delete user', async () => {
    // "group / has user … revoked": SIF's super user revokes the admin at `/`, its only membership.
    expect((await api('DELETE', userPath(admin.email), { token: superUser, groupContext: '/' })).status).toBe(204);
    expect((await api('GET', userPath(admin.email), { token: superUser, groupContext: '/' })).status).toBe(404);
  });
});
