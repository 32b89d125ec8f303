/**
 * Self sign-up cannot separate the email from the username. The attack: call Cognito's SignUp
 * directly with the public client id, the future owner's address as the username and one's own
 * mailbox as the email attribute, so the confirmation code (and later every reset code) comes to
 * the attacker. The pre-sign-up trigger (cognito-local invokes it through the local gateway's
 * Lambda Invoke endpoint, as Cognito does on AWS) refuses it, and no login is created.
 */
import { AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { createCognitoClient } from '../../shared/identity/cognitoIdentity.ts';
import { uniqueEmail } from './support/fixtures.ts';

const PASSWORD = 'Squatter-Passw0rd-1!';

function directSignUp(username: string, email: string) {
  const stack = inject('stack');
  return createCognitoClient(stack.cognitoEndpoint).send(
    new SignUpCommand({
      ClientId: stack.apiClientId,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
}

const loginExists = (username: string) =>
  createCognitoClient(inject('stack').cognitoEndpoint)
    .send(new AdminGetUserCommand({ UserPoolId: inject('stack').userPoolId, Username: username }))
    .then(
      () => true,
      (error: Error) => (error.name === 'UserNotFoundException' ? false : Promise.reject(error)),
    );

describe('a sign-up made directly at Cognito', () => {
  it('is refused when the email attribute is another address than the username, and creates no login', async () => {
    // Prepare
    const victim = uniqueEmail('future-owner');
    const attackerMailbox = uniqueEmail('attacker');

    // Act
    const attempt = directSignUp(victim, attackerMailbox);

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'UserLambdaValidationException' });
    expect(await loginExists(victim)).toBe(false);
  });

  it('is refused when the email attribute differs from the username only in case', async () => {
    const email = uniqueEmail('case');

    await expect(directSignUp(email, email.toUpperCase())).rejects.toMatchObject({ name: 'UserLambdaValidationException' });
  });

  it('is accepted when the email attribute is the lower-cased username', async () => {
    const email = uniqueEmail('honest');

    const result = await directSignUp(email, email);

    expect(result.UserConfirmed).toBe(false);
    expect(await loginExists(email)).toBe(true);
  });
});
