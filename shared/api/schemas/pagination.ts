import * as z from 'zod/mini';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../config/pagination.ts';
import { defineSchema, withMeta } from './meta.ts';

export const countSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_SIZE)), DEFAULT_PAGE_SIZE), {
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
    example: DEFAULT_PAGE_SIZE,
  }),
);

export const fromTokenSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(2048))), {
    description: 'Resume after the page that returned this `pagination.lastEvaluatedToken`.',
  }),
);

export const booleanFlag = /* @__PURE__ */ defineSchema(() =>
  z.pipe(
    z._default(z.enum(['true', 'false']), 'false'),
    z.transform((value: 'true' | 'false') => value === 'true'),
  ),
);

export const paginationSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ lastEvaluatedToken: z.string() }), { id: 'Pagination' }),
);

/** A query parameter that may be repeated (`tags=a:1&tags=b:2`). */
export const repeatable = <T extends z.ZodMiniType>(item: T) => {
  const oneOrMany = z.optional(z.union([item, z.array(item)]));
  return z.pipe(
    oneOrMany,
    z.transform((value: z.output<typeof oneOrMany>): z.output<T>[] =>
      value === undefined ? [] : Array.isArray(value) ? value : [value as z.output<T>],
    ),
  );
};
