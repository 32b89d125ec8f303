import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { EMAIL_MUST_BE_USERNAME, handler } from '../../functions/triggers/preSignUp.ts';

const event = (userName: string, email: string | undefined, triggerSource = 'PreSignUp_SignUp') =>
  ({
    version: '1',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_pool',
    triggerSource,
    userName,
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: { userAttributes: email === undefined ? {} : { email } },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  }) as PreSignUpTriggerEvent;

describe('the pre-sign-up trigger', () => {
  it('returns the event unchanged, confirming nothing, when the email is the lower-cased username', async () => {
    const input = event('Jo@Bloom.example', 'jo@bloom.example');

    const output = await handler(input);

    expect(output).toEqual(input);
    expect(output.response.autoConfirmUser).toBe(false);
  });

  it.each([
    ['another address', 'owner@victim.example', 'attacker@evil.example'],
    ['the same address in other case', 'jo@bloom.example', 'Jo@Bloom.example'],
    ['no email at all', 'jo@bloom.example', undefined],
  ])('refuses %s', async (_case, userName, email) => {
    await expect(handler(event(userName, email))).rejects.toThrow(EMAIL_MUST_BE_USERNAME);
  });

  it('applies to users created by an admin as well', async () => {
    await expect(handler(event('ann@acme.example', 'eve@evil.example', 'PreSignUp_AdminCreateUser'))).rejects.toThrow(
      EMAIL_MUST_BE_USERNAME,
    );
  });
});
