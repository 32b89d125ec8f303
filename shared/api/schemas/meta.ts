import * as z from 'zod/mini';
import type { $ZodType, $replace, GlobalMeta } from 'zod/v4/core';

/**
 * Set to false in the Lambda bundles (`define` in infrastructure/aws/bundling.ts), undefined everywhere else:
 * only the OpenAPI document reads schema metadata, and it is built from the sources, so a cold start need not clone
 * and register every described schema a second time.
 */
declare const IAM_SCHEMA_METADATA: boolean | undefined;
const KEEPS_METADATA = typeof IAM_SCHEMA_METADATA === 'undefined' || IAM_SCHEMA_METADATA;

/**
 * What classic zod's `.meta(data)` does, for any schema: a clone registered in `z.globalRegistry`
 * with `data` (the clone still inherits its original's metadata, less the `id`). The OpenAPI document reads that registry.
 */
export function withMeta<T extends $ZodType>(schema: T, meta: $replace<GlobalMeta, T>): T {
  if (!KEEPS_METADATA) return schema;
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
