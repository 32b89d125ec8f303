/** Tenants and SME plans against the local stack: user limits enforced in the granting transactions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { createTestUser, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function onboard(plan: string): Promise<{ id: string; owner: string }> {
  const owner = uniqueEmail('owner');
  const response = await api('POST', '/tenants', {
    token: rootToken,
    body: { name: uniqueGroupName('biz'), plan, ownerEmail: owner },
  });
  expect(response.status).toBe(201);
  return { id: response.body.id, owner };
}

const invite = (tenant: string, role = 'reader', email = uniqueEmail()) =>
  api('POST', '/users', { token: rootToken, groupContext: tenant, body: { email, role } });

describe('POST /tenants', () => {
  it('creates the tenant with its plan and invites the owner as its admin', async () => {
    const { id, owner } = await onboard('team');

    const tenant = await api('GET', groupPath(id), { token: rootToken });
    const ownerRecord = await api('GET', `/users/${encodeURIComponent(owner)}`, { token: rootToken, groupContext: id });

    expect(tenant.body).toMatchObject({ id, plan: 'team', state: 'active' });
    expect(ownerRecord.body).toMatchObject({ email: owner, state: 'invited', groups: { [id]: 'admin' } });
  });

  it('is for admins of / only (403)', async () => {
    const { id } = await onboard('team');
    const tenantAdmin = await createTestUser({ memberships: { [id]: 'admin' } });
    const { accessToken } = await login(tenantAdmin.email, tenantAdmin.password);

    const response = await api('POST', '/tenants', {
      token: accessToken,
      groupContext: id,
      body: { name: uniqueGroupName('x'), plan: 'team', ownerEmail: uniqueEmail() },
    });

    expect(response.status).toBe(403);
  });
});

describe('plan limits', () => {
  it('lets a sole trader have exactly one user: a second gets 409 naming the plan and its limit', async () => {
    const { id } = await onboard('sole-trader');

    const second = await invite(id);

    expect(second.status).toBe(409);
    expect(second.body.message).toContain('sole-trader plan allows 1 user');
  });

  it('lets a team have five users, counting each user once across its groups, and frees a place when one leaves', async () => {
    // Prepare: the owner plus three users, one of them in two groups.
    const { id } = await onboard('team');
    const finance = (await api('POST', '/groups', { token: rootToken, groupContext: id, body: { name: 'finance' } })).body.id;
    const twice = uniqueEmail('twice');
    expect((await invite(id, 'reader', twice)).status).toBe(201);
    expect((await invite(finance, 'contributor', twice)).status).toBe(201);
    expect((await invite(id)).status).toBe(201);
    expect((await invite(finance)).status).toBe(201);

    // Act
    const fifth = await invite(id);
    const sixth = await invite(finance);
    await api('DELETE', `/users/${encodeURIComponent(fifth.body.email)}`, { token: rootToken, groupContext: id });
    const again = await invite(finance);

    // Assess
    expect(fifth.status).toBe(201);
    expect(sixth.status).toBe(409);
    expect(sixth.body.message).toContain('team plan allows 5 users');
    expect(again.status).toBe(201);
  });

  it('cannot be overshot by parallel invitations: a team with 4 users takes exactly one of 10 at once', async () => {
    const { id } = await onboard('team');
    for (let i = 0; i < 3; i++) expect((await invite(id)).status).toBe(201);

    const statuses = (await Promise.all(Array.from({ length: 10 }, () => invite(id)))).map((response) => response.status);

    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
  });

  it('refuses a downgrade below the current users, and allows an upgrade', async () => {
    const { id } = await onboard('team');
    await invite(id);

    const downgrade = await api('PATCH', `/tenants/${encodeURIComponent(id)}`, {
      token: rootToken,
      body: { plan: 'sole-trader' },
    });
    const upgrade = await api('PATCH', `/tenants/${encodeURIComponent(id)}`, { token: rootToken, body: { plan: 'enterprise' } });

    expect(downgrade.status).toBe(409);
    expect(downgrade.body.message).toContain('has 2 users');
    expect(upgrade.status).toBe(200);
    expect(upgrade.body.plan).toBe('enterprise');
    for (let i = 0; i < 5; i++) expect((await invite(id)).status).toBe(201);
  });

  it('keeps MFA enforcement for the enterprise plan', async () => {
    const team = await onboard('team');
    const enterprise = await onboard('enterprise');
    const mfa = { configuration: { security: { mfaRequired: true } } };

    expect((await api('PATCH', groupPath(team.id), { token: rootToken, body: mfa })).status).toBe(409);
    expect((await api('PATCH', groupPath(enterprise.id), { token: rootToken, body: mfa })).status).toBe(200);
  });
});
