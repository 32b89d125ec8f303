/**
 * The route manifest: the one list of routes. The CDK stack, the local gateway and the
 * OpenAPI generator all read it; adding a route is one entry here plus one handler file.
 */
import { z } from 'zod';
import { defineRoute, type RouteDefinition } from './routeDefinition.ts';
import { challengeBody, loginBody, loginResponse, refreshBody, tokensSchema } from './schemas/auth.ts';
import { groupPathParams, groupSchema } from './schemas/groups.ts';

export const routes = {
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

  getGroup: defineRoute({
    operationId: 'getGroup',
    method: 'GET',
    path: '/groups/{groupId}',
    handler: 'groups/getGroup',
    summary: 'Get a group',
    description: 'Readers of the group or of any ancestor may read it. A group you may not see is reported as not found.',
    tag: 'Groups',
    access: { kind: 'role', role: 'reader', at: { pathParam: 'groupId' } },
    request: { params: groupPathParams },
    success: { status: 200, description: 'The group', schema: groupSchema },
  }),
} satisfies Record<string, RouteDefinition>;

export const ROUTES: readonly RouteDefinition[] = Object.values(routes);
