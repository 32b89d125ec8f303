import { z } from 'zod';
import { emailSchema } from './common.ts';

export const loginBody = z
  .object({ email: emailSchema, password: z.string().min(1).max(256) })
  .meta({ id: 'LoginRequest', example: { email: 'admin@example.com', password: 'Correct-Horse-9-Battery' } });

export const tokensSchema = z
  .object({
    accessToken: z.string(),
    idToken: z.string(),
    refreshToken: z.string().optional(),
    expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires.', example: 3600 }),
    tokenType: z.literal('Bearer'),
  })
  .meta({ id: 'Tokens' });

export const CHALLENGES = ['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA'] as const;

export const challengeSchema = z
  .object({ challenge: z.enum(CHALLENGES), session: z.string() })
  .meta({ id: 'Challenge', example: { challenge: 'NEW_PASSWORD_REQUIRED', session: 'AYABe...' } });

export const loginResponse = z.union([tokensSchema, challengeSchema]);

export const challengeBody = z
  .object({
    email: emailSchema,
    challenge: z.enum(CHALLENGES),
    session: z.string().min(1).max(4096),
    newPassword: z.string().min(1).max(256).optional(),
    code: z.string().regex(/^[0-9]{6}$/, 'code must be 6 digits').optional(),
  })
  .refine((b) => (b.challenge === 'NEW_PASSWORD_REQUIRED' ? b.newPassword !== undefined : b.code !== undefined), {
    message: 'NEW_PASSWORD_REQUIRED needs newPassword; SOFTWARE_TOKEN_MFA needs code',
  })
  .meta({ id: 'ChallengeResponse' });

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(8192) }).meta({ id: 'RefreshRequest' });
