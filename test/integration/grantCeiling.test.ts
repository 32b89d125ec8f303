/**
 * No grant exceeds its granter, tried as an attacker would: a custom role that may only invite,
 * or only manage roles, tries to give itself or others more than it holds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, login } from './support/api.ts';
import { createTestUser, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function newTenant(): Promise<string> {
  const created = await api('POST', '/groups', {
    token: rootToken,
    groupContext: '/',
    body: { name: uniqueGroupName('ceiling') },
  });
  return created.body.id;
}

async function defineRole(groupId: string, name: string, actions: string[]): Promise<void> {
  const defined = await api('POST', '/roles', { token: rootToken, groupContext: groupId, body: { name, actions } });
  expect(defined.status).toBe(201);
}

/** A member with `role` at `groupId`, invited by the root admin and logged in. */
async function memberWithRole(role: string, groupId: string): Promise<{ email: string; token: string }> {
  const email = uniqueEmail('ceiling');
  const granted = await api('POST', '/users', {
    token: rootToken,
    groupContext: groupId,
    body: { email, role, password: 'Temporary-Passw0rd' },
  });
  expect(granted.status).toBe(201);
  const first = await api('POST', '/auth/login', { body: { email, password: 'Temporary-Passw0rd' } });
  const answered = await api('POST', '/auth/challenge', {
    body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'Chosen-Passw0rd!' },
  });
  return { email, token: answered.body.accessToken };
}

const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;
const acceptPath = (groupId: string) => `/users/me/invitations/${encodeURIComponent(groupId)}/accept`;

describe('no grant exceeds its granter', () => {
  it('refuses an invite-only custom role inviting a new email as admin (403), and writes nothing', async () => {
    // Prepare
    const tenant = await newTenant();
    await defineRole(tenant, 'inviter', ['iam:users:invite']);
    const inviter = await memberWithRole('inviter', tenant);
    const target = uniqueEmail('escalated');

    // Act
    const asAdmin = await api('POST', '/users', {
      token: inviter.token,
      groupContext: tenant,
      body: { email: target, role: 'admin' },
    });
    const asReader = await api('POST', '/users', {
      token: inviter.token,
      groupContext: tenant,
      body: { email: target, role: 'reader' },
    });
    const seenByRoot = await api('GET', userPath(target), { token: rootToken, groupContext: tenant });

    // Assess
    expect(asAdmin.status).toBe(403);
    expect(asReader.status).toBe(403);
    expect(seenByRoot.status).toBe(404);
  });

  it('lets a custom role grant a role within its own actions', async () => {
    // Prepare
    const tenant = await newTenant();
    await defineRole(tenant, 'lead', ['iam:users:invite', 'payments:*', '*:read', '*:list']);
    await defineRole(tenant, 'approver', ['payments:approve', 'accounts:read']);
    const lead = await memberWithRole('lead', tenant);

    // Act
    const approver = await api('POST', '/users', {
      token: lead.token,
      groupContext: tenant,
      body: { email: uniqueEmail('approver'), role: 'approver' },
    });
    const reader = await api('POST', '/users', {
      token: lead.token,
      groupContext: tenant,
      body: { email: uniqueEmail('reader'), role: 'reader' },
    });
    const contributor = await api('POST', '/users', {
      token: lead.token,
      groupContext: tenant,
      body: { email: uniqueEmail('contributor'), role: 'contributor' },
    });

    // Assess
    expect(approver.status).toBe(201);
    expect(reader.status).toBe(201);
    expect(contributor.status).toBe(403);
  });

  it('refuses an invite-only custom role inviting itself as admin, so there is nothing to accept', async () => {
    // Prepare
    const tenant = await newTenant();
    await defineRole(tenant, 'inviter', ['iam:users:invite']);
    const inviter = await memberWithRole('inviter', tenant);

    // Act
    const invited = await api('POST', '/users', {
      token: inviter.token,
      groupContext: tenant,
      body: { email: inviter.email, role: 'admin' },
    });
    const accepted = await api('POST', acceptPath(tenant), { token: inviter.token });
    const me = await api('GET', '/users/me', { token: inviter.token, groupContext: tenant });

    // Assess
    expect(invited.status).toBe(403);
    expect(accepted.status).toBe(404);
    expect(me.body.groups).toEqual({ [tenant]: 'inviter' });
    expect(me.body.invitations).toEqual({});
  });

  it('refuses acceptance when the inviter was demoted after inviting, and accepts while the inviter keeps the right', async () => {
    // Prepare: a lead invites two people from elsewhere, then loses the right for one of them
    const tenant = await newTenant();
    const elsewhere = await newTenant();
    const finance = (await api('POST', '/groups', { token: rootToken, groupContext: tenant, body: { name: 'finance' } })).body.id;
    const hr = (await api('POST', '/groups', { token: rootToken, groupContext: tenant, body: { name: 'hr' } })).body.id;
    await defineRole(tenant, 'lead', ['iam:users:invite', 'payments:*', '*:read']);
    await defineRole(tenant, 'approver', ['payments:approve']);
    const lead = await memberWithRole('lead', tenant);
    const ann = await createTestUser({ memberships: { [elsewhere]: 'reader' } });
    const bob = await createTestUser({ memberships: { [elsewhere]: 'reader' } });
    const annToken = (await login(ann.email, ann.password)).accessToken;
    const bobToken = (await login(bob.email, bob.password)).accessToken;
    for (const [email, groupId] of [
      [ann.email, finance],
      [bob.email, hr],
    ] as const) {
      const invited = await api('POST', '/users', {
        token: lead.token,
        groupContext: groupId,
        body: { email, role: 'approver' },
      });
      expect(invited.status).toBe(201);
    }
    const demoted = await api('POST', '/users', {
      token: rootToken,
      groupContext: finance,
      body: { email: lead.email, role: 'reader' },
    });
    expect(demoted.status).toBe(201);

    // Act
    const annAccepts = await api('POST', acceptPath(finance), { token: annToken });
    const bobAccepts = await api('POST', acceptPath(hr), { token: bobToken });
    const annAfter = await api('GET', '/users/me', { token: annToken });

    // Assess
    expect(annAccepts.status).toBe(403);
    expect(annAfter.body.groups).toEqual({ [elsewhere]: 'reader' });
    expect(annAfter.body.invitations).toEqual({ [finance]: 'approver' });
    expect(bobAccepts.status).toBe(200);
    expect(bobAccepts.body.groups).toEqual({ [elsewhere]: 'reader', [hr]: 'approver' });
  });
});

describe('no custom role exceeds its author', () => {
  it('refuses a role holding iam:roles:* rewriting itself to * (403), or defining a wider role', async () => {
    // Prepare
    const tenant = await newTenant();
    await defineRole(tenant, 'role-admin', ['iam:roles:*']);
    const roleAdmin = await memberWithRole('role-admin', tenant);

    // Act
    const rewritten = await api('PATCH', '/roles/role-admin', {
      token: roleAdmin.token,
      groupContext: tenant,
      body: { actions: ['*'] },
    });
    const wider = await api('POST', '/roles', {
      token: roleAdmin.token,
      groupContext: tenant,
      body: { name: 'everything', actions: ['iam:roles:*', 'iam:users:*'] },
    });
    const within = await api('POST', '/roles', {
      token: roleAdmin.token,
      groupContext: tenant,
      body: { name: 'role-reader', actions: ['iam:roles:read', 'iam:roles:list'] },
    });
    const after = await api('GET', '/roles/role-admin', { token: rootToken, groupContext: tenant });

    // Assess
    expect(rewritten.status).toBe(403);
    expect(wider.status).toBe(403);
    expect(within.status).toBe(201);
    expect(after.body.actions).toEqual(['iam:roles:*']);
  });
});
