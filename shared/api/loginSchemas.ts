import * as z from 'zod';

/** What the login page sends back: a code, or an OAuth error; `state` always. */
export const loginCallbackQuery = z
  .object({
    code: z.string().min(1).max(2048).optional(),
    state: z.string().min(1).max(256),
    error: z.string().min(1).max(128).optional(),
  })
  .refine((query) => query.code !== undefined || query.error !== undefined, { message: 'code is required', path: ['code'] });
