/** A user's sessions: one per login the service opened, with how it was authenticated and from where. */
import * as z from 'zod';
import { countSchema, fromTokenSchema, paginationSchema } from './pagination.ts';
import { emailPathParams } from './users.ts';

export const sessionsQuery = z.object({ count: countSchema, fromToken: fromTokenSchema });

export const sessionPathParams = emailPathParams.extend({
  sessionId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/)
    .meta({ description: 'The session id, as `GET /users/{email}/sessions` lists it (the tokens’ `origin_jti`).' }),
});

export const sessionSchema = z
  .object({
    sessionId: z.string(),
    openedAt: z.string(),
    lastRefreshedAt: z.string(),
    method: z.enum(['password', 'password+totp']),
    sourceIp: z.string().optional(),
    userAgent: z.string().optional(),
    expiresAt: z.string(),
    current: z.boolean().optional().meta({ description: 'The session of the token that asked.' }),
  })
  .meta({ id: 'Session' });

export const sessionsSchema = z.object({ sessions: z.array(sessionSchema), pagination: paginationSchema.optional() }).meta({
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
});
