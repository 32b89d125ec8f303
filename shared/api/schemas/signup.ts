import * as z from 'zod';
import { emailSchema } from './common.ts';

export const signupBody = z
  .object({
    businessName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({ description: 'The business; its tenant id is derived from it (`/acme-plumbing`).', example: 'Acme Plumbing' }),
    email: emailSchema,
    password: z
      .string()
      .min(1)
      .max(256)
      .meta({ description: 'Must satisfy the password policy; a 400 names the rule it breaks.' }),
  })
  .meta({
    id: 'SignupRequest',
    example: { businessName: 'Acme Plumbing', email: 'owner@acme-plumbing.example', password: 'Correct-Horse-9-Battery' },
  });

export const confirmSignupBody = z
  .object({
    email: emailSchema,
    code: z.string().trim().min(1).max(32).meta({ description: 'The code from the confirmation email.', example: '123456' }),
  })
  .meta({ id: 'ConfirmSignupRequest' });
