import * as z from 'zod/mini';
import type { $ZodType, $replace, GlobalMeta } from 'zod/v4/core';

/**
 * What classic zod's `.meta(data)` does, for any schema: a clone registered in `z.globalRegistry`
 * with `data` (the clone still inherits its original's metadata, less the `id`). The OpenAPI document reads that registry.
 */
export function withMeta<T extends $ZodType>(schema: T, meta: $replace<GlobalMeta, T>): T {
  const described = z.clone(schema);
  z.globalRegistry.add(described, meta);
  return described;
}

/**
 * Builds a schema at import, as a call marked pure at each use (`/* @__PURE__ *\/ defineSchema(() => ...)`):
 * esbuild then leaves out of a function's bundle every schema its route never reaches, so a cold
 * start constructs only its own route's schemas. Unmarked, each module's schemas would all be built.
 */
export const defineSchema = <T>(build: () => T): T => build();
