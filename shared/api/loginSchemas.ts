import * as z from 'zod/mini';
import { defineSchema } from './schemas/meta.ts';

/** What the login page sends back: a code, or an OAuth error; `state` always. */
export const loginCallbackQuery = /* @__PURE__ */ defineSchema(() =>
  z
    .object({
      code: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
      state: z.string().check(z.minLength(1), z.maxLength(256)),
      error: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
    })
    .check(
      z.refine((query) => query.code !== undefined || query.error !== undefined, { message: 'code is required', path: ['code'] }),
    ),
);
