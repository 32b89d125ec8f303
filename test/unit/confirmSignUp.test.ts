import { CognitoIdentityProviderClient, ConfirmSignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { errorSeen } from './helpers.ts';
import { CognitoIdentity } from '../../shared/identity/cognitoIdentity.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const identity = new CognitoIdentity(
  { userPoolId: 'eu-west-2_abc', apiClientId: 'client' },
  new CognitoIdentityProviderClient({ region: 'eu-west-2' }),
);
const failWith = (name: string) => cognito.on(ConfirmSignUpCommand).rejects(Object.assign(new Error(name), { name }));

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return errorSeen(error).statusCode;
  }
  throw new Error('resolved');
}

describe('CognitoIdentity.confirmSignUp', () => {
  afterEach(() => cognito.reset());

  it.each(['CodeMismatchException', 'ExpiredCodeException', 'UserNotFoundException', 'NotAuthorizedException'])(
    'answers %s with the same 400',
    async (name) => {
      failWith(name);

      expect(await statusOf(identity.confirmSignUp('jo@example.com', '123456'))).toBe(400);
    },
  );

  it('answers a failing post-confirmation trigger with 409, never a 5xx', async () => {
    failWith('UserLambdaValidationException');

    expect(await statusOf(identity.confirmSignUp('jo@example.com', '123456'))).toBe(409);
  });
});
