/**
 * The authorizer chain end to end: real tokens from cognito-local, verified by the real
 * authorizer behind the local gateway, users and memberships read from DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminCredentials, api, groupPath, login, type ApiResponse } from './support/api.ts';
import { createTestGroup, createTestUser, uniqueGroupName, updateUserRecord } from './support/fixtures.ts';
import { accessClaims, foreignKey, signToken, tamper, unsignedToken } from './support/tokens.ts';

const expectJsonError = (response: ApiResponse, status: number) => {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
};

describe('authorizer', () => {
  let adminTokens: Awaited<ReturnType<typeof login>>;
  const stack = () => inject('stack');
  const issuer = () => `${stack().cognitoEndpoint}/${stack().userPoolId}`;

  beforeAll(async () => {
    adminTokens = await login(adminCredentials().email, adminCredentials().password);
  });

  it('lets the seeded admin read the root group with an access token', async () => {
    const response = await api('GET', groupPath('/'), { token: adminTokens.accessToken });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: '/',
      name: expect.any(String),
      state: 'active',
      createdBy: expect.any(String),
      createdAt: expect.any(String),
    });
  });

  it('accepts an ID token as well as an access token', async () => {
    const response = await api('GET', groupPath('/'), { token: adminTokens.idToken });

    expect(response.status).toBe(200);
  });

  it('accepts a bare JWT without the Bearer prefix', async () => {
    const response = await api('GET', groupPath('/'), { authorization: adminTokens.accessToken });

    expect(response.status).toBe(200);
  });

  it('refuses a request without a token with 401 and the JSON error', async () => {
    expectJsonError(await api('GET', groupPath('/')), 401);
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const forged = tamper(adminTokens.accessToken, { username: 'someone-else@example.com' });

    expectJsonError(await api('GET', groupPath('/'), { token: forged }), 401);
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = signToken(
      accessClaims({
        issuer: issuer(),
        clientId: stack().apiClientId,
        username: adminCredentials().email,
        issuedAt: past,
        expiresAt: past + 3600,
      }),
    );

    expectJsonError(await api('GET', groupPath('/'), { token: expired }), 401);
  });

  it('refuses a token signed by another key', async () => {
    const foreign = signToken(
      accessClaims({ issuer: issuer(), clientId: stack().apiClientId, username: adminCredentials().email }),
      { key: foreignKey() },
    );

    expectJsonError(await api('GET', groupPath('/'), { token: foreign }), 401);
  });

  it('refuses a token from another issuer', async () => {
    const otherIssuer = signToken(
      accessClaims({
        issuer: `${stack().cognitoEndpoint}/local_other`,
        clientId: stack().apiClientId,
        username: adminCredentials().email,
      }),
    );

    expectJsonError(await api('GET', groupPath('/'), { token: otherIssuer }), 401);
  });

  it('refuses a token issued to another client', async () => {
    const otherClient = signToken(
      accessClaims({ issuer: issuer(), clientId: 'some-other-client', username: adminCredentials().email }),
    );

    expectJsonError(await api('GET', groupPath('/'), { token: otherClient }), 401);
  });

  it('refuses an unsigned alg:none token', async () => {
    const none = unsignedToken(
      accessClaims({ issuer: issuer(), clientId: stack().apiClientId, username: adminCredentials().email }),
    );

    expectJsonError(await api('GET', groupPath('/'), { token: none }), 401);
  });

  it('refuses a refresh token used as a bearer token', async () => {
    expectJsonError(await api('GET', groupPath('/'), { token: adminTokens.refreshToken }), 401);
  });

  it('refuses a valid token of a user the service does not know', async () => {
    const stranger = signToken(accessClaims({ issuer: issuer(), clientId: stack().apiClientId, username: 'nobody@example.com' }));

    expectJsonError(await api('GET', groupPath('/'), { token: stranger }), 401);
  });

  it('refuses the unused token of a user disabled after it was issued', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const tokens = await login(user.email, user.password);

    await updateUserRecord(user.email, { state: 'disabled' });

    expectJsonError(await api('GET', groupPath('/'), { token: tokens.accessToken }), 401);
  });

  it('refuses a token whose session has ended', async () => {
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const tokens = await login(user.email, user.password);

    expect((await api('DELETE', `/users/${encodeURIComponent(user.email)}/sessions`, { token: tokens.accessToken })).status).toBe(
      204,
    );

    expectJsonError(await api('GET', groupPath('/'), { token: tokens.idToken }), 401);
  });

  it('caches a decision per Authorization header, as API Gateway does', async () => {
    // Prepare: a user whose access token has been decided once (and so is cached).
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    const tokens = await login(user.email, user.password);
    expect((await api('GET', groupPath('/'), { token: tokens.accessToken })).status).toBe(200);

    // Act: disable the user; the cached token still passes, the never-seen ID token is decided afresh.
    await updateUserRecord(user.email, { state: 'disabled' });
    const cached = await api('GET', groupPath('/'), { token: tokens.accessToken });
    const uncached = await api('GET', groupPath('/'), { token: tokens.idToken });

    // Assess
    expect(cached.status).toBe(200);
    expect(uncached.status).toBe(401);
  });
});

describe('group visibility through the authorizer context', () => {
  it('lets a reader of a group read a group beneath it', async () => {
    const tenant = `/${uniqueGroupName('tenant')}`;
    await createTestGroup(tenant);
    await createTestGroup(`${tenant}/finance`);
    const reader = await createTestUser({ memberships: { [tenant]: 'reader' } });
    const { accessToken } = await login(reader.email, reader.password);

    const response = await api('GET', groupPath(`${tenant}/finance`), { token: accessToken });

    expect(response.status).toBe(200);
    expect(response.body.id).toBe(`${tenant}/finance`);
  });

  it('answers 404, not 403, for a group of another tenant', async () => {
    const [tenantA, tenantB] = [`/${uniqueGroupName('a')}`, `/${uniqueGroupName('b')}`];
    await createTestGroup(tenantA);
    await createTestGroup(tenantB);
    const adminOfA = await createTestUser({ memberships: { [tenantA]: 'admin' } });
    const { accessToken } = await login(adminOfA.email, adminOfA.password);

    const existing = await api('GET', groupPath(tenantB), { token: accessToken, groupContext: tenantB });
    const missing = await api('GET', groupPath(`${tenantB}-nope`), { token: accessToken });

    expectJsonError(existing, 404);
    expect(existing.body.message).toBe(`Group ${tenantB} not found`);
    expect(missing.body.message).toBe(`Group ${tenantB}-nope not found`);
  });

  it('answers 400 for a malformed group id', async () => {
    const { accessToken } = await login(adminCredentials().email, adminCredentials().password);

    const response = await api('GET', groupPath('/not a group!'), { token: accessToken });

    expectJsonError(response, 400);
    expect(response.body.details).toBeInstanceOf(Array);
  });
});
