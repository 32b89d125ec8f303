import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureUserPool, HOSTED_CLIENT_NAME, LOCAL_POOL_NAME } from '../../infrastructure/local/provision.ts';

const CALLBACK = 'http://127.0.0.1:41234/login/callback';

describe('ensureUserPool keeps the hosted client callback current', () => {
  const cognito = mockClient(CognitoIdentityProviderClient);

  beforeEach(() => {
    cognito.on(ListUserPoolsCommand).resolves({ UserPools: [{ Id: 'local_pool', Name: LOCAL_POOL_NAME }] });
    cognito.on(ListUserPoolClientsCommand).resolves({
      UserPoolClients: [
        { ClientId: 'api-client', ClientName: 'api' },
        { ClientId: 'hosted-client', ClientName: HOSTED_CLIENT_NAME },
      ],
    });
  });

  afterEach(() => {
    cognito.reset();
  });

  it('replaces the callback URLs of an earlier run, restating the hosted client settings', async () => {
    // Prepare
    cognito
      .on(DescribeUserPoolClientCommand)
      .resolves({ UserPoolClient: { ClientId: 'hosted-client', CallbackURLs: ['http://127.0.0.1:39999/login/callback'] } });

    // Act
    const pool = await ensureUserPool('http://127.0.0.1:9229', [CALLBACK]);

    // Assess
    expect(pool).toEqual({ userPoolId: 'local_pool', apiClientId: 'api-client', hostedClientId: 'hosted-client' });
    const updates = cognito.commandCalls(UpdateUserPoolClientCommand);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args[0].input).toMatchObject({
      UserPoolId: 'local_pool',
      ClientId: 'hosted-client',
      ClientName: HOSTED_CLIENT_NAME,
      CallbackURLs: [CALLBACK],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
    });
  });

  it('leaves the client alone when its callback URLs are already current', async () => {
    cognito
      .on(DescribeUserPoolClientCommand)
      .resolves({ UserPoolClient: { ClientId: 'hosted-client', CallbackURLs: [CALLBACK] } });

    await ensureUserPool('http://127.0.0.1:9229', [CALLBACK]);

    expect(cognito.commandCalls(UpdateUserPoolClientCommand)).toHaveLength(0);
    expect(cognito.commandCalls(CreateUserPoolClientCommand)).toHaveLength(0);
  });
});
