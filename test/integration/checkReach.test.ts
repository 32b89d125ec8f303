/**
 * The check API answers only within the asker's reach, tried as an attacker would: a tenant's
 * admin asks about someone they share with another tenant, at that other tenant's groups.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, login } from './support/api.ts';
import { createTestUser, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function newGroup(parent: string, name: string, body: Record<string, unknown> = {}): Promise<string> {
  const created = await api('POST', '/groups', { token: rootToken, groupContext: parent, body: { name, ...body } });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** Two tenants, a user who belongs to both, and tenant A's admin logged in. */
async function sharedUser(): Promise<{ tenantA: string; bGroup: string; shared: string; adminA: string }> {
  const tenantA = await newGroup('/', uniqueGroupName('tenant-a'));
  const tenantB = await newGroup('/', uniqueGroupName('tenant-b'));
  const bGroup = await newGroup(tenantB, 'treasury', { configuration: { security: { mfaRequired: true } } });
  const shared = await createTestUser({ memberships: { [tenantA]: 'reader', [bGroup]: 'admin' } });
  const admin = await createTestUser({ memberships: { [tenantA]: 'admin' } });
  return { tenantA, bGroup, shared: shared.email, adminA: (await login(admin.email, admin.password)).accessToken };
}

/** A response as its raw bytes, with the email asked about replaced, so two answers compare byte for byte. */
const bytesOf = (response: { status: number; body: unknown }, email: string) =>
  `${response.status} ${JSON.stringify(response.body).replaceAll(email, '<email>')}`;

describe('checks answer only within the asker’s reach', () => {
  it('answers tenant A’s admin checking a shared user at tenant B’s group exactly like an unknown email', async () => {
    // Prepare
    const { tenantA, bGroup, shared, adminA } = await sharedUser();
    const nobody = uniqueEmail('nobody');
    const check = (email: string) =>
      api('POST', '/authorizations/check', {
        token: adminA,
        groupContext: tenantA,
        body: { action: 'iam:users:invite', groupId: bGroup, email },
      });

    // Act
    const sharedAnswer = await check(shared);
    const unknownAnswer = await check(nobody);

    // Assess
    expect(bytesOf(sharedAnswer, shared)).toBe(bytesOf(unknownAnswer, nobody));
    expect(sharedAnswer.body).toEqual({ allowed: false, role: null, grantedAt: null, reason: 'No such user where you act' });
  });

  it('answers the same in a batch, while checks in the asker’s own tenant still decide', async () => {
    // Prepare
    const { tenantA, bGroup, shared, adminA } = await sharedUser();
    const nobody = uniqueEmail('nobody');

    // Act
    const response = await api('POST', '/authorizations/check-batch', {
      token: adminA,
      groupContext: tenantA,
      body: {
        checks: [
          { action: 'accounts:read', groupId: bGroup, email: shared },
          { action: 'accounts:read', groupId: bGroup, email: nobody },
          { action: 'accounts:read', groupId: tenantA, email: shared },
        ],
      },
    });

    // Assess
    const [inB, unknown, inA] = response.body.results;
    expect(JSON.stringify(inB)).toBe(JSON.stringify(unknown));
    expect(inA).toMatchObject({ allowed: true, role: 'reader', grantedAt: tenantA });
  });

  it('answers GET /users/{email}/permissions at tenant B’s group exactly like an unknown email', async () => {
    // Prepare
    const { tenantA, bGroup, shared, adminA } = await sharedUser();
    const nobody = uniqueEmail('nobody');
    const permissions = (email: string) =>
      api('GET', `/users/${encodeURIComponent(email)}/permissions?groupId=${encodeURIComponent(bGroup)}`, {
        token: adminA,
        groupContext: tenantA,
      });

    // Act
    const sharedAnswer = await permissions(shared);
    const unknownAnswer = await permissions(nobody);

    // Assess
    expect(bytesOf(sharedAnswer, shared)).toBe(bytesOf(unknownAnswer, nobody));
    expect(sharedAnswer.status).toBe(404);
  });

  it('refuses a caller without MFA checking someone else where MFA is required, and still answers them about themselves', async () => {
    // Prepare
    const secure = await newGroup('/', uniqueGroupName('secure'), { configuration: { security: { mfaRequired: true } } });
    const member = await createTestUser({ memberships: { [secure]: 'contributor' } });
    const admin = await createTestUser({ memberships: { [secure]: 'admin' } });
    const { accessToken } = await login(admin.email, admin.password);

    // Act
    const others = await api('POST', '/authorizations/check', {
      token: accessToken,
      groupContext: secure,
      body: { action: 'payments:approve', email: member.email },
    });
    const self = await api('POST', '/authorizations/check', {
      token: accessToken,
      groupContext: secure,
      body: { action: 'payments:approve' },
    });

    // Assess
    expect(others.status).toBe(403);
    expect(others.body.message).toContain('MFA is required');
    expect(self.status).toBe(200);
  });
});
