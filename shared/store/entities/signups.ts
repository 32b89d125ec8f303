import { SIGNUP_POLICY } from '../../config/signup.ts';
import { defineEntity } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** A business sign-up awaiting its email confirmation: the business name to give its tenant. */
export const PENDING_SIGNUP_ENTITY = defineEntity({
  item: 'pending sign-up',
  type: 'pendingSignup',
  pk: keyTemplate('SIGNUP#<email>'),
  sk: keyTemplate('SIGNUP'),
  fields: ['email', 'businessName', 'createdAt'],
  expires: `${SIGNUP_POLICY.pendingHours} h after the sign-up`,
});

/** Sign-ups counted per source IP per clock hour. */
export const SIGNUP_COUNTER_ENTITY = defineEntity({
  item: 'sign-up counter',
  type: 'signupCounter',
  pk: keyTemplate('SIGNUPS#ip#<ip>'),
  sk: keyTemplate('<hour>'),
  fields: ['signups'],
  expires: 'an hour after its hour',
});

export const pendingSignupKey = (email: string) => ({
  pk: PENDING_SIGNUP_ENTITY.pk.build({ email }),
  sk: PENDING_SIGNUP_ENTITY.sk.build({}),
});
export const signupCounterKey = (ip: string, windowStart: string) => ({
  pk: SIGNUP_COUNTER_ENTITY.pk.build({ ip }),
  sk: SIGNUP_COUNTER_ENTITY.sk.build({ hour: windowStart }),
});
