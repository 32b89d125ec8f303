/** Route manifest entries: Health and login for API clients. */
import { z } from 'zod';
import { challengeBody, loginBody, loginResponse, refreshBody, tokensSchema } from '../schemas/auth.ts';
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
    permissions: { table: 'none' },
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
} satisfies Record<string, RouteDefinition>;
