import * as z from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../config/pagination.ts';

export const countSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(DEFAULT_PAGE_SIZE)
  .meta({ description: `Page size, 1 to ${MAX_PAGE_SIZE}.`, example: DEFAULT_PAGE_SIZE });

export const fromTokenSchema = z
  .string()
  .min(1)
  .max(2048)
  .optional()
  .meta({ description: 'Resume after the page that returned this `pagination.lastEvaluatedToken`.' });

export const booleanFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const paginationSchema = z.object({ lastEvaluatedToken: z.string() }).meta({ id: 'Pagination' });

/** A query parameter that may be repeated (`tags=a:1&tags=b:2`). */
export const repeatable = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
