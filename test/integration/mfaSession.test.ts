/**
 * MFA is judged by how the session was authenticated. The attack: a member of a group that
 * requires MFA turns MFA off at Cognito directly (SetUserMFAPreference with their own access
 * token) and logs in with the password alone. That session is refused in the group.
 */
import { SetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createCognitoClient } from '../../shared/identity/cognitoIdentity.ts';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { busEntriesUntil } from './support/events.ts';
import { createTestUser, readUserRecord, uniqueGroupName, updateUserRecord } from './support/fixtures.ts';
import { totpCode } from './support/totp.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

/** A tenant requiring MFA, a member who enrolled, and their TOTP login's access token. */
async function memberWithTotp() {
  const created = await api('POST', '/groups', {
    token: rootToken,
    groupContext: '/',
    body: { name: uniqueGroupName('mfa'), configuration: { security: { mfaRequired: true } } },
  });
  expect(created.status).toBe(201);
  const tenant = created.body.id as string;
  const user = await createTestUser({ memberships: { [tenant]: 'reader' } });
  await updateUserRecord(user.email, { defaultGroup: tenant });
  const first = await login(user.email, user.password);
  const setup = await api('POST', '/auth/mfa/totp/setup', { token: first.accessToken });
  await api('POST', '/auth/mfa/totp/verify', { token: first.accessToken, body: { code: totpCode(setup.body.secret) } });
  const challenge = await api('POST', '/auth/login', { body: { email: user.email, password: user.password } });
  const withTotp = await api('POST', '/auth/challenge', {
    body: {
      email: user.email,
      challenge: 'SOFTWARE_TOKEN_MFA',
      session: challenge.body.session,
      code: totpCode(setup.body.secret, 1),
    },
  });
  return { tenant, user, accessToken: withTotp.body.accessToken as string };
}

const turnMfaOffAtCognito = (accessToken: string) =>
  createCognitoClient(inject('stack').cognitoEndpoint).send(
    new SetUserMFAPreferenceCommand({
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    }),
  );

describe('a group that requires MFA', () => {
  it('refuses the password-only session of a user who turned MFA off at Cognito', async () => {
    // Prepare: a tenant requiring MFA; a member who enrolled and passes with a TOTP login
    const { tenant, user, accessToken } = await memberWithTotp();
    expect((await api('GET', groupPath(tenant), { token: accessToken })).status).toBe(200);

    // Act: MFA off at Cognito, then a login with the password alone
    await turnMfaOffAtCognito(accessToken);
    const passwordOnly = await login(user.email, user.password);
    const response = await api('GET', groupPath(tenant), { token: passwordOnly.accessToken });

    // Assess: refused; the service's record follows Cognito's
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/MFA is required/);
    expect((await readUserRecord(user.email))?.mfaEnabled).toBe(false);
  });

  it('records MFA found switched off at the next login as an mfa.disabled event by the system, in the tenant', async () => {
    // Prepare
    const { tenant, user, accessToken } = await memberWithTotp();
    await turnMfaOffAtCognito(accessToken);

    // Act
    await login(user.email, user.password);

    // Assess: on the bus, which carries the audit event as stored (the tenant requires MFA, so its admins read the trail with it)
    const entries = await busEntriesUntil(user.email, (entry) => entry['detail-type'] === 'mfa.disabled');
    expect(entries.filter((entry) => entry['detail-type'].startsWith('mfa.')).map((entry) => entry.detail)).toEqual([
      expect.objectContaining({ type: 'mfa.enabled', actor: user.email }),
      expect.objectContaining({
        type: 'mfa.disabled',
        actor: 'system',
        target: { type: 'user', id: user.email },
        groupId: tenant,
        changes: { mfaEnabled: { before: true, after: false } },
      }),
    ]);
  });
});
