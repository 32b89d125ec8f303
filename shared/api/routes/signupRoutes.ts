/** Route manifest entries: business self sign-up (public). */
import { confirmSignupBody, signupBody } from '../schemas/signup.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

export const signUp = /* @__PURE__ */ defineRoute({
  operationId: 'signUp',
  method: 'POST',
  path: '/signup',
  handler: 'signup/signUp',
  summary: 'Sign a business up',
  description:
    'Checks the password policy (400 names the rule), then emails the owner a confirmation code (locally it lands in `GET /dev/outbox`). ' +
    'Always the same 202, whether or not the email already has an account. At most 10 sign-ups per source IP per hour (429 with Retry-After). ' +
    'Confirming with `POST /signup/confirm` creates the `sole-trader` tenant with the owner as its admin.',
  tag: 'Sign-up',
  access: { kind: 'public' },
  request: { body: signupBody },
  success: { status: 202, description: 'If the email is new, a confirmation code is on its way' },
  errors: { 400: 'The password breaks the policy', 429: 'Too many sign-ups from this address' },
});

export const confirmSignUp = /* @__PURE__ */ defineRoute({
  operationId: 'confirmSignUp',
  method: 'POST',
  path: '/signup/confirm',
  handler: 'signup/confirmSignUp',
  summary: 'Confirm a sign-up with the emailed code',
  description:
    'On success the business’s `sole-trader` tenant exists, with the owner as its admin; the owner can log in. A wrong code and an unknown email get the same 400.',
  tag: 'Sign-up',
  access: { kind: 'public' },
  request: { body: confirmSignupBody },
  success: { status: 204, description: 'Confirmed; the tenant is created' },
  errors: { 400: 'The code is not valid or has expired' },
});

export const signupRoutes = {
  signUp,
  confirmSignUp,
} satisfies Record<string, RouteDefinition>;
