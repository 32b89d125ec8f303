/**
 * A Cognito login that has no profile (left by an interrupted deletion, or made at Cognito
 * directly by someone who knew the address would be invited) is never adopted: inviting its
 * email re-creates the login, so its earlier password and tokens stop working.
 */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { generatePassword } from '../../shared/config/passwordPolicy.ts';
import { createCognitoClient } from '../../shared/identity/cognitoIdentity.ts';
import { adminCredentials, api, login } from './support/api.ts';
import { uniqueEmail, uniqueGroupName } from './support/fixtures.ts';
import { outboxMessages } from './support/outbox.ts';

let adminToken: string;

beforeAll(async () => {
  adminToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

/** A login made at Cognito itself, with a password of the maker's choosing, and its tokens. */
async function loginWithoutProfile(email: string): Promise<{ password: string; accessToken: string }> {
  const stack = inject('stack');
  const cognito = createCognitoClient(stack.cognitoEndpoint);
  const password = generatePassword();
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: stack.userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({ UserPoolId: stack.userPoolId, Username: email, Password: password, Permanent: true }),
  );
  const tokens = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.apiClientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  cognito.destroy();
  return { password, accessToken: tokens.AuthenticationResult!.AccessToken! };
}

describe('inviting an email that already has a login but no profile', () => {
  it('re-creates the login: the earlier password and token fail, the emailed temporary password works', async () => {
    // Prepare
    const email = uniqueEmail('orphan');
    const earlier = await loginWithoutProfile(email);

    // Act
    const invited = await api('POST', '/users', { token: adminToken, groupContext: '/', body: { email, role: 'reader' } });

    // Assess
    expect(invited.status).toBe(201);
    expect((await api('POST', '/auth/login', { body: { email, password: earlier.password } })).status).toBe(401);
    expect((await api('GET', '/users/me', { token: earlier.accessToken })).status).toBe(401);
    const message = (await outboxMessages(email)).find((candidate) => candidate.kind === 'invitation')!;
    const temporaryPassword = /temporary password (\S+);/.exec(message.body)![1]!;
    const firstLogin = await api('POST', '/auth/login', { body: { email, password: temporaryPassword } });
    expect(firstLogin.status).toBe(200);
    expect(firstLogin.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('re-creates the login of a tenant owner the bank onboards: the earlier token fails', async () => {
    // Prepare
    const email = uniqueEmail('owner');
    const earlier = await loginWithoutProfile(email);

    // Act
    const onboarded = await api('POST', '/tenants', {
      token: adminToken,
      body: { name: uniqueGroupName('biz'), plan: 'team', ownerEmail: email },
    });

    // Assess
    expect(onboarded.status).toBe(201);
    expect((await api('GET', '/users/me', { token: earlier.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email, password: earlier.password } })).status).toBe(401);
  });
});
