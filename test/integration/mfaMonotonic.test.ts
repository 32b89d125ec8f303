/**
 * `security.mfaRequired` is monotonic down the tree (the attack: the admin of a sub-group, with
 * MFA, switching the requirement off beneath a parent that requires it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { createTestUser, uniqueGroupName } from './support/fixtures.ts';
import { totpCode } from './support/totp.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

const requireMfa = { configuration: { security: { mfaRequired: true } } };
const switchMfaOff = { configuration: { security: { mfaRequired: false } } };

/** A tenant with one sub-group, created by the root admin, optionally with the sub-group's own configuration. */
async function tenantWithSubGroup(subGroup: Record<string, unknown> = {}): Promise<{ tenant: string; subGroup: string }> {
  const tenant = await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('mfa') } });
  expect(tenant.status).toBe(201);
  const child = await api('POST', '/groups', {
    token: rootToken,
    groupContext: tenant.body.id,
    body: { name: 'finance', ...subGroup },
  });
  expect(child.status).toBe(201);
  return { tenant: tenant.body.id, subGroup: child.body.id };
}

/** An admin of `groupId` who enrolled TOTP and logged in with it, so MFA-required groups let them act. */
async function adminWithMfaOf(groupId: string): Promise<string> {
  const user = await createTestUser({ memberships: { [groupId]: 'admin' } });
  const { accessToken } = await login(user.email, user.password);
  const setup = await api('POST', '/auth/mfa/totp/setup', { token: accessToken });
  expect(setup.status).toBe(200);
  const verified = await api('POST', '/auth/mfa/totp/verify', {
    token: accessToken,
    body: { code: totpCode(setup.body.secret) },
  });
  expect(verified.status).toBe(204);
  const challenge = await api('POST', '/auth/login', { body: user });
  const answered = await api('POST', '/auth/challenge', {
    body: {
      email: user.email,
      challenge: 'SOFTWARE_TOKEN_MFA',
      session: challenge.body.session,
      code: totpCode(setup.body.secret, 1),
    },
  });
  expect(answered.status).toBe(200);
  return answered.body.accessToken;
}

describe('security.mfaRequired down the tree', () => {
  it('refuses a sub-group admin switching MFA off under a parent that requires it with 409 naming the parent, and keeps the setting', async () => {
    // Prepare
    const { tenant, subGroup } = await tenantWithSubGroup();
    expect((await api('PATCH', groupPath(tenant), { token: rootToken, body: requireMfa })).status).toBe(200);
    const subGroupAdmin = await adminWithMfaOf(subGroup);

    // Act
    const attempt = await api('PATCH', groupPath(subGroup), { token: subGroupAdmin, body: switchMfaOff });

    // Assess
    expect(attempt.status).toBe(409);
    expect(attempt.body.message).toContain(`Group ${tenant} requires MFA`);
    const after = await api('GET', `${groupPath(subGroup)}?showConfigurationSource=true`, { token: subGroupAdmin });
    expect(after.body.configuration).toEqual({ security: { mfaRequired: true } });
    expect(after.body.configurationSource).toEqual({ [tenant]: { security: { mfaRequired: true } } });
  });

  it('refuses a sub-group dropping the requirement by another shape (a non-object security, a new group’s null) with 409', async () => {
    // Prepare
    const { tenant, subGroup } = await tenantWithSubGroup();
    expect((await api('PATCH', groupPath(tenant), { token: rootToken, body: requireMfa })).status).toBe(200);
    const subGroupAdmin = await adminWithMfaOf(subGroup);

    // Act
    const replaced = await api('PATCH', groupPath(subGroup), {
      token: subGroupAdmin,
      body: { configuration: { security: 'off' } },
    });
    const created = await api('POST', '/groups', {
      token: subGroupAdmin,
      groupContext: subGroup,
      body: { name: 'payables', configuration: { security: { mfaRequired: null } } },
    });
    const inherited = await api('PATCH', groupPath(subGroup), {
      token: subGroupAdmin,
      body: { configuration: { security: null } },
    });

    // Assess: a PATCH's null removes the sub-group's own key, so it inherits the requirement and is allowed.
    expect(replaced.status).toBe(409);
    expect(replaced.body.message).toContain(`Group ${tenant} requires MFA`);
    expect(created.status).toBe(409);
    expect(created.body.message).toContain(`Group ${tenant} requires MFA`);
    expect(inherited.status).toBe(200);
    expect(inherited.body.configuration).toEqual({ security: { mfaRequired: true } });
  });

  it('refuses creating a sub-group with MFA switched off under a group that requires it, and creates nothing', async () => {
    // Prepare
    const { tenant, subGroup } = await tenantWithSubGroup();
    expect((await api('PATCH', groupPath(tenant), { token: rootToken, body: requireMfa })).status).toBe(200);
    const subGroupAdmin = await adminWithMfaOf(subGroup);

    // Act
    const created = await api('POST', '/groups', {
      token: subGroupAdmin,
      groupContext: subGroup,
      body: { name: 'payables', ...switchMfaOff },
    });

    // Assess
    expect(created.status).toBe(409);
    expect(created.body.message).toContain(`Group ${tenant} requires MFA`);
    expect((await api('GET', groupPath(`${subGroup}/payables`), { token: subGroupAdmin })).status).toBe(404);
  });

  it('requires MFA beneath a group that starts requiring it, even where a sub-group had switched it off before', async () => {
    // Prepare: the sub-group says false while nothing above it requires MFA.
    const { tenant, subGroup } = await tenantWithSubGroup(switchMfaOff);
    // (No request acts in the sub-group before the change: decisions cache a group's MFA requirement for 30 s.)
    const member = await createTestUser({ memberships: { [subGroup]: 'reader' } });

    // Act
    const required = await api('PATCH', groupPath(tenant), { token: rootToken, body: requireMfa });

    // Assess: the sub-group's effective configuration requires MFA, and a member without it is refused there.
    expect(required.status).toBe(200);
    const subGroupAdmin = await adminWithMfaOf(subGroup);
    const view = await api('GET', groupPath(subGroup), { token: subGroupAdmin });
    expect(view.body.configuration).toEqual({ security: { mfaRequired: true } });
    const denied = await api('GET', groupPath(subGroup), { token: (await login(member.email, member.password)).accessToken });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toMatch(/MFA is required/);
  });

  it('lets the group that requires MFA switch it off, and a sub-group repeat the requirement', async () => {
    // Prepare
    const { tenant, subGroup } = await tenantWithSubGroup();
    expect((await api('PATCH', groupPath(tenant), { token: rootToken, body: requireMfa })).status).toBe(200);
    const subGroupAdmin = await adminWithMfaOf(subGroup);

    // Act
    const repeated = await api('PATCH', groupPath(subGroup), { token: subGroupAdmin, body: requireMfa });
    const tenantAdmin = await adminWithMfaOf(tenant);
    const switchedOff = await api('PATCH', groupPath(tenant), { token: tenantAdmin, body: switchMfaOff });

    // Assess
    expect(repeated.status).toBe(200);
    expect(switchedOff.status).toBe(200);
    expect(switchedOff.body.configuration).toEqual({ security: { mfaRequired: false } });
  });
});
