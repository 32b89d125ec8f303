import * as z from 'zod/mini';
import { emailSchema } from './common.ts';
import { defineSchema, withMeta } from './meta.ts';

export const loginBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ email: emailSchema, password: z.string().check(z.minLength(1), z.maxLength(256)) }), {
    id: 'LoginRequest',
    example: { email: 'admin@example.com', password: 'Correct-Horse-9-Battery' },
  }),
);

export const tokensSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      accessToken: z.string(),
      idToken: z.string(),
      refreshToken: z.optional(z.string()),
      expiresIn: withMeta(z.number().check(z.int()), { description: 'Seconds until the access token expires.', example: 3600 }),
      tokenType: z.literal('Bearer'),
    }),
    { id: 'Tokens' },
  ),
);

export const CHALLENGES = ['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA'] as const;

export const challengeSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ challenge: z.enum(CHALLENGES), session: z.string() }), {
    id: 'Challenge',
    example: { challenge: 'NEW_PASSWORD_REQUIRED', session: 'AYABe...' },
  }),
);

export const loginResponse = /* @__PURE__ */ defineSchema(() => z.union([tokensSchema, challengeSchema]));

export const challengeBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .object({
        email: emailSchema,
        challenge: z.enum(CHALLENGES),
        session: z.string().check(z.minLength(1), z.maxLength(4096)),
        newPassword: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
        code: z.optional(z.string().check(z.regex(/^[0-9]{6}$/, 'code must be 6 digits'))),
      })
      .check(
        z.refine((b) => (b.challenge === 'NEW_PASSWORD_REQUIRED' ? b.newPassword !== undefined : b.code !== undefined), {
          message: 'NEW_PASSWORD_REQUIRED needs newPassword; SOFTWARE_TOKEN_MFA needs code',
        }),
      ),
    {
      id: 'ChallengeResponse',
      // The refinement above, for the document: each challenge names the field its answer needs.
      oneOf: [
        { properties: { challenge: { const: 'NEW_PASSWORD_REQUIRED' } }, required: ['newPassword'] },
        { properties: { challenge: { const: 'SOFTWARE_TOKEN_MFA' } }, required: ['code'] },
      ],
    },
  ),
);

export const refreshBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ refreshToken: z.string().check(z.minLength(1), z.maxLength(8192)) }), {
    id: 'RefreshRequest',
  }),
);

export const logoutBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.optional(
      z.object({
        refreshToken: withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(8192))), {
          description: 'Also revoke this refresh token.',
        }),
      }),
    ),
    { id: 'LogoutRequest' },
  ),
);

export const forgotPasswordBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ email: emailSchema }), { id: 'ForgotPasswordRequest' }),
);

export const resetPasswordBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      email: emailSchema,
      code: withMeta(z.string().check(z.minLength(1), z.maxLength(32)), {
        description: 'The code from the email.',
        example: '123456',
      }),
      newPassword: z.string().check(z.minLength(1), z.maxLength(256)),
    }),
    { id: 'ResetPasswordRequest' },
  ),
);

export const totpSetupSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      secret: withMeta(z.string(), { description: 'Base32 secret for an authenticator app.' }),
      otpauthUri: withMeta(z.string(), { example: 'otpauth://totp/SME%20IAM:ann%40acme.com?secret=ABC&issuer=SME%20IAM' }),
    }),
    { id: 'TotpSetup' },
  ),
);

export const totpVerifyBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ code: z.string().check(z.regex(/^[0-9]{6}$/, 'code must be 6 digits')) }), {
    id: 'TotpVerifyRequest',
  }),
);
