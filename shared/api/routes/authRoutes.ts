/** Route manifest entries: Health and login for API clients. */
import {
  challengeBody,
  forgotPasswordBody,
  loginBody,
  logoutBody,
  refreshBody,
  resetPasswordBody,
  totpVerifyBody,
} from '../schemas/auth.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

export const health = /* @__PURE__ */ defineRoute({
  operationId: 'getHealth',
  method: 'GET',
  path: '/health',
  handler: 'health/getHealth',
  summary: 'Liveness check',
  tag: 'Health',
  access: { kind: 'public' },
  request: {},
  success: { status: 200, description: 'The service answers', schema: 'Health' },
});

export const login = /* @__PURE__ */ defineRoute({
  operationId: 'login',
  method: 'POST',
  path: '/auth/login',
  handler: 'auth/login',
  summary: 'Log in with email and password',
  description:
    'Returns tokens, or a challenge to answer with `POST /auth/challenge` (a new password on first login, or a TOTP code). ' +
    'An unknown email and a wrong password give the same 401.',
  tag: 'Authentication',
  access: { kind: 'public' },
  request: { body: loginBody },
  success: { status: 200, description: 'Tokens, or a challenge', schema: 'LoginResponse' },
  errors: { 401: 'Incorrect email or password' },
});

export const answerChallenge = /* @__PURE__ */ defineRoute({
  operationId: 'answerChallenge',
  method: 'POST',
  path: '/auth/challenge',
  handler: 'auth/answerChallenge',
  summary: 'Answer a login challenge',
  tag: 'Authentication',
  access: { kind: 'public' },
  request: { body: challengeBody },
  success: { status: 200, description: 'Tokens, or a further challenge', schema: 'LoginResponse' },
  errors: { 401: 'The session or code is not valid' },
});

export const refresh = /* @__PURE__ */ defineRoute({
  operationId: 'refreshTokens',
  method: 'POST',
  path: '/auth/refresh',
  handler: 'auth/refresh',
  summary: 'Exchange a refresh token for fresh access and ID tokens',
  tag: 'Authentication',
  access: { kind: 'public' },
  request: { body: refreshBody },
  success: { status: 200, description: 'Fresh tokens', schema: 'Tokens' },
  errors: { 401: 'The refresh token is not valid, expired or revoked' },
});

export const logout = /* @__PURE__ */ defineRoute({
  operationId: 'logout',
  method: 'POST',
  path: '/auth/logout',
  handler: 'auth/logout',
  summary: 'Log out everywhere',
  description:
    'Revokes the given refresh token and ends every session of the caller: tokens issued up to now fail at the next uncached decision.',
  tag: 'Authentication',
  access: { kind: 'authenticated' },
  request: { body: logoutBody },
  success: { status: 204, description: 'Logged out' },
});

export const forgotPassword = /* @__PURE__ */ defineRoute({
  operationId: 'forgotPassword',
  method: 'POST',
  path: '/auth/password/forgot',
  handler: 'auth/forgotPassword',
  summary: 'Email a password reset code',
  description: 'Always 202, whether or not the email has an account. Locally the code lands in `GET /dev/outbox`.',
  tag: 'Authentication',
  access: { kind: 'public' },
  request: { body: forgotPasswordBody },
  success: { status: 202, description: 'If the account exists, a code is on its way' },
});

export const resetPassword = /* @__PURE__ */ defineRoute({
  operationId: 'resetPassword',
  method: 'POST',
  path: '/auth/password/reset',
  handler: 'auth/resetPassword',
  summary: 'Set a new password with the emailed code',
  description: 'Checks the password policy (400 names the rule). Every session of the user ends.',
  tag: 'Authentication',
  access: { kind: 'public' },
  request: { body: resetPasswordBody },
  success: { status: 204, description: 'Password set' },
  errors: { 400: 'The code is not valid or has expired, or the password breaks the policy' },
});

export const setUpTotp = /* @__PURE__ */ defineRoute({
  operationId: 'setUpTotp',
  method: 'POST',
  path: '/auth/mfa/totp/setup',
  handler: 'auth/setUpTotp',
  summary: 'Start enrolling an authenticator app (TOTP)',
  description:
    'Call with your access token. Returns the secret and an `otpauth://` URI for a QR code; confirm with `/auth/mfa/totp/verify`. ' +
    'Replacing an enrolled authenticator needs a session that logged in (with its code) in the last 5 minutes.',
  tag: 'Authentication',
  access: { kind: 'authenticated' },
  request: {},
  success: { status: 200, description: 'The shared secret', schema: 'TotpSetup' },
  errors: {
    403: 'An ID token, or an authenticator is already enrolled and the session logged in more than 5 minutes ago',
  },
});

export const verifyTotp = /* @__PURE__ */ defineRoute({
  operationId: 'verifyTotp',
  method: 'POST',
  path: '/auth/mfa/totp/verify',
  handler: 'auth/verifyTotp',
  summary: 'Confirm the authenticator with a first code and turn MFA on',
  description:
    'From then on `POST /auth/login` answers the `SOFTWARE_TOKEN_MFA` challenge; the code verified here counts as a second factor of the calling session.',
  tag: 'Authentication',
  access: { kind: 'authenticated' },
  request: { body: totpVerifyBody },
  success: { status: 204, description: 'MFA is on' },
  errors: {
    400: 'The code is wrong',
    403: 'An ID token, or an authenticator is already enrolled and the session logged in more than 5 minutes ago',
    409: 'No authenticator is being set up: call POST /auth/mfa/totp/setup first',
  },
});

export const authRoutes = {
  health,
  login,
  answerChallenge,
  refresh,
  logout,
  forgotPassword,
  resetPassword,
  setUpTotp,
  verifyTotp,
} satisfies Record<string, RouteDefinition>;
