import * as z from 'zod/mini';
import { emailSchema } from './common.ts';
import { defineSchema, withMeta } from './meta.ts';

export const signupBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      businessName: withMeta(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), {
        description: 'The business; its tenant id is derived from it (`/acme-plumbing`).',
        example: 'Acme Plumbing',
      }),
      email: emailSchema,
      password: withMeta(z.string().check(z.minLength(1), z.maxLength(256)), {
        description: 'Must satisfy the password policy; a 400 names the rule it breaks.',
      }),
    }),
    {
      id: 'SignupRequest',
      example: { businessName: 'Acme Plumbing', email: 'owner@acme-plumbing.example', password: 'Correct-Horse-9-Battery' },
    },
  ),
);

export const confirmSignupBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      email: emailSchema,
      code: withMeta(z.string().check(z.trim(), z.minLength(1), z.maxLength(32)), {
        description: 'The code from the confirmation email.',
        example: '123456',
      }),
    }),
    { id: 'ConfirmSignupRequest' },
  ),
);
