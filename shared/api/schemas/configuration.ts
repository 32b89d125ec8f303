/**
 * A group's free-form configuration: JSON that DynamoDB can store as a map and the tree can merge.
 * Bounded so one request cannot make a large or deep item, and free of keys that would reach an
 * object's prototype when merged.
 */
import * as z from 'zod/mini';
import { defineSchema, withMeta } from './meta.ts';

export const MAX_CONFIGURATION_BYTES = 16 * 1024;
export const MAX_CONFIGURATION_DEPTH = 8;
export const MAX_CONFIGURATION_KEY_LENGTH = 128;
const FORBIDDEN_KEYS = /* @__PURE__ */ defineSchema(() => new Set(['__proto__', 'constructor', 'prototype']));

/** The first rule the value breaks, with where; undefined when it is a storable configuration. */
export function configurationProblem(
  value: unknown,
  path: string[] = [],
  depth = 1,
): { path: string[]; message: string } | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    // DynamoDB's marshaller refuses numbers it cannot store exactly.
    return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
      ? undefined
      : { path, message: `Numbers are at most ${Number.MAX_SAFE_INTEGER} in magnitude` };
  }
  if (typeof value !== 'object') return { path, message: 'Configuration values are JSON' };
  if (depth > MAX_CONFIGURATION_DEPTH)
    return { path, message: `Configuration is nested at most ${MAX_CONFIGURATION_DEPTH} levels deep` };
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (!Array.isArray(value)) {
      if (key === '' || key.length > MAX_CONFIGURATION_KEY_LENGTH) {
        return { path: [...path, key], message: `Configuration keys are 1 to ${MAX_CONFIGURATION_KEY_LENGTH} characters` };
      }
      if (FORBIDDEN_KEYS.has(key))
        return { path: [...path, key], message: 'Configuration keys may not be __proto__, constructor or prototype' };
    }
    const problem = configurationProblem(item, [...path, key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

// Checked on the raw value (a preprocess step): parsing a record drops a `__proto__` key silently, and it must be refused.
export const configurationSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.pipe(
      z.transform((configuration: unknown, context) => {
        const problem = configurationProblem(configuration);
        if (problem) context.issues.push({ code: 'custom', path: problem.path, message: problem.message, input: configuration });
        else if (JSON.stringify(configuration).length > MAX_CONFIGURATION_BYTES) {
          context.issues.push({
            code: 'custom',
            message: `Configuration is at most ${MAX_CONFIGURATION_BYTES} bytes of JSON`,
            input: configuration,
          });
        }
        return configuration;
      }),
      z.record(z.string(), z.unknown()),
    ),
    {
      description:
        'Free-form JSON inherited down the tree: the effective configuration deep-merges ancestors with the group (nearer wins; null removes a key). ' +
        `At most ${MAX_CONFIGURATION_BYTES} bytes, ${MAX_CONFIGURATION_DEPTH} levels deep; keys 1 to ${MAX_CONFIGURATION_KEY_LENGTH} characters, never __proto__, constructor or prototype.`,
      example: { security: { mfaRequired: true } },
    },
  ),
);
