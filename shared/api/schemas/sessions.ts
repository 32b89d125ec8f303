/** A user's sessions: one per login the service opened, with how it was authenticated and from where. */
import * as z from 'zod/mini';
import { countSchema, fromTokenSchema, paginationSchema } from './pagination.ts';
import { defineSchema, withMeta } from './meta.ts';
import { emailPathParams } from './users.ts';

export const sessionsQuery = /* @__PURE__ */ defineSchema(() => z.object({ count: countSchema, fromToken: fromTokenSchema }));

export const sessionPathParams = /* @__PURE__ */ defineSchema(() =>
  z.extend(emailPathParams, {
    sessionId: withMeta(z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/)), {
      description: 'The session id, as `GET /users/{email}/sessions` lists it (the tokens’ `origin_jti`).',
    }),
  }),
);

export const sessionSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      sessionId: z.string(),
      openedAt: z.string(),
      lastRefreshedAt: z.string(),
      method: z.enum(['password', 'password+totp']),
      sourceIp: z.optional(z.string()),
      userAgent: z.optional(z.string()),
      expiresAt: z.string(),
      current: withMeta(z.optional(z.boolean()), { description: 'The session of the token that asked.' }),
    }),
    { id: 'Session' },
  ),
);

export const sessionsSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ sessions: z.array(sessionSchema), pagination: z.optional(paginationSchema) }), {
    id: 'Sessions',
    example: {
      sessions: [
        {
          sessionId: '3f0c6d2e-8a41-4b7e-9c55-0d9a1e2b7c40',
          openedAt: '2026-12-01T10:00:00.000Z',
          lastRefreshedAt: '2026-12-01T10:55:00.000Z',
          method: 'password+totp',
          sourceIp: '203.0.113.7',
          userAgent: 'Mozilla/5.0',
          expiresAt: '2026-12-31T10:00:00.000Z',
          current: true,
        },
      ],
    },
  }),
);
