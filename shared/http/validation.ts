import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { invalid } from '../domain/errors.ts';

// zod/mini carries no locale: English, as the messages clients and tests read, and no other language in a bundle.
z.config(en());

export type RequestPart = 'path' | 'query' | 'body';

/** Validates one part of a request. A body the route does not declare is refused; undeclared query parameters are ignored, as most HTTP APIs do. */
export function parseRequestPart(part: RequestPart, schema: $ZodType | undefined, value: unknown): unknown {
  if (!schema) {
    if (part === 'body' && value !== undefined) throw invalid('This route takes no request body');
    return undefined;
  }
  if (part === 'body' && value === undefined && !z.safeParse(schema, undefined).success)
    throw invalid('Request body is required');
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ in: part, path: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  // A rule about the whole body speaks for itself; a field's rule is prefixed with where it failed.
  const message = first?.path
    ? `Invalid ${part === 'path' ? 'path parameter' : part} ${first.path}: ${first.message}`
    : (first?.message ?? `Invalid ${part}`);
  throw invalid(message, details);
}
