import * as z from 'zod';
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
    code: z
      .string()
      .regex(/^[0-9]{6}$/, 'code must be 6 digits')
      .optional(),
  })
  .refine((b) => (b.challenge === 'NEW_PASSWORD_REQUIRED' ? b.newPassword !== undefined : b.code !== undefined), {
    message: 'NEW_PASSWORD_REQUIRED needs newPassword; SOFTWARE_TOKEN_MFA needs code',
  })
  .meta({
    id: 'ChallengeResponse',
    // The refinement above, for the document: each challenge names the field its answer needs.
    oneOf: [
      { properties: { challenge: { const: 'NEW_PASSWORD_REQUIRED' } }, required: ['newPassword'] },
      { properties: { challenge: { const: 'SOFTWARE_TOKEN_MFA' } }, required: ['code'] },
    ],
  });

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(8192) }).meta({ id: 'RefreshRequest' });

export const logoutBody = z
  .object({ refreshToken: z.string().min(1).max(8192).optional().meta({ description: 'Also revoke this refresh token.' }) })
  .optional()
  .meta({ id: 'LogoutRequest' });

export const forgotPasswordBody = z.object({ email: emailSchema }).meta({ id: 'ForgotPasswordRequest' });

export const resetPasswordBody = z
  .object({
    email: emailSchema,
    code: z.string().min(1).max(32).meta({ description: 'The code from the email.', example: '123456' }),
    newPassword: z.string().min(1).max(256),
  })
  .meta({ id: 'ResetPasswordRequest' });

export const totpSetupSchema = z
  .object({
    secret: z.string().meta({ description: 'Base32 secret for an authenticator app.' }),
    otpauthUri: z.string().meta({ example: 'otpauth://totp/SME%20IAM:ann%40acme.com?secret=ABC&issuer=SME%20IAM' }),
  })
  .meta({ id: 'TotpSetup' });

export const totpVerifyBody = z
  .object({ code: z.string().regex(/^[0-9]{6}$/, 'code must be 6 digits') })
  .meta({ id: 'TotpVerifyRequest' });
