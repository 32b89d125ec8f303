/** Route manifest entries: Health and login for API clients. */
import * as z from 'zod/mini';
import {
  challengeBody,
  forgotPasswordBody,
  loginBody,
  loginResponse,
  logoutBody,
  refreshBody,
  resetPasswordBody,
  tokensSchema,
  totpSetupSchema,
  totpVerifyBody,
} from '../schemas/auth.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

export const authRoutes = {
  health: defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    handler: 'health/getHealth',
    summary: 'Liveness check',
    tag: 'Health',
    access: { kind: 'public' },
    request: {},
    success: { status: 200, description: 'The service answers', schema: z.object({ status: z.literal('ok') }) },
  }),

  login: defineRoute({
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
    success: { status: 200, description: 'Tokens, or a challenge', schema: loginResponse },
    errors: { 401: 'Incorrect email or password' },
  }),

  answerChallenge: defineRoute({
    operationId: 'answerChallenge',
    method: 'POST',
    path: '/auth/challenge',
    handler: 'auth/answerChallenge',
    summary: 'Answer a login challenge',
    tag: 'Authentication',
    access: { kind: 'public' },
    request: { body: challengeBody },
    success: { status: 200, description: 'Tokens, or a further challenge', schema: loginResponse },
    errors: { 401: 'The session or code is not valid' },
  }),

  refresh: defineRoute({
    operationId: 'refreshTokens',
    method: 'POST',
    path: '/auth/refresh',
    handler: 'auth/refresh',
    summary: 'Exchange a refresh token for fresh access and ID tokens',
    tag: 'Authentication',
    access: { kind: 'public' },
    request: { body: refreshBody },
    success: { status: 200, description: 'Fresh tokens', schema: tokensSchema },
    errors: { 401: 'The refresh token is not valid, expired or revoked' },
  }),

  logout: defineRoute({
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
  }),

  forgotPassword: defineRoute({
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
  }),

  resetPassword: defineRoute({
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
  }),

  setUpTotp: defineRoute({
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
    success: { status: 200, description: 'The shared secret', schema: totpSetupSchema },
    errors: {
      403: 'An ID token, or an authenticator is already enrolled and the session logged in more than 5 minutes ago',
    },
  }),

  verifyTotp: defineRoute({
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
  }),
} satisfies Record<string, RouteDefinition>;
