/**
 * Cognito pre-sign-up trigger: a login's username and its email attribute are one value, so
 * nobody can sign up as one address with the codes (and later every reset code) sent to another.
 * Cognito calls it for every sign-up, including `SignUp` made directly with the public client id;
 * it refuses an email attribute other than the lower-cased username. Attached to the user pool on
 * AWS; locally cognito-local invokes it through the local gateway's Lambda Invoke endpoint.
 * It needs no table, no Cognito permission and no environment.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';

export const EMAIL_MUST_BE_USERNAME = 'The email must be the username, in lower case';

export const handler = async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
  // Every source, federation included: an identity provider's users need their own rule when SSO comes.
  if (event.request.userAttributes.email !== event.userName.toLowerCase()) throw new Error(EMAIL_MUST_BE_USERNAME);
  return event;
};
