/**
 * Cognito post-confirmation trigger: a confirmed self sign-up gets its sole-trader tenant and
 * admin membership. Attached to the user pool on AWS; locally cognito-local invokes it through
 * the local gateway's Lambda Invoke endpoint. It needs only the table (no Cognito permissions,
 * and no user-pool id in its environment, which would be a circular reference on AWS).
 */
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import { completeSignup } from '../../shared/services/signupService.ts';
import { signupCompletion } from '../../shared/services/signup/signupCompletion.ts';

export const handler = async (event: PostConfirmationTriggerEvent, context?: Context): Promise<PostConfirmationTriggerEvent> => {
  // A confirmed password reset also fires this trigger: nothing to create then.
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const email = event.request.userAttributes.email ?? event.userName;
  await completeSignup(signupCompletion(), { email, requestId: context?.awsRequestId ?? `signup-${event.userName}` });
  return event;
};
