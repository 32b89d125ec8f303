/**
 * fast-check arbitraries for request parts, derived from the route manifest's zod schemas (through
 * their JSON Schema, input side): values that fit the schema, values on and just past its
 * boundaries, and values of the wrong type. Known ids and emails are mixed in so that some
 * requests reach real items rather than stopping at "not found".
 */
import fc from 'fast-check';
import * as z from 'zod';
import type { $ZodType } from 'zod/v4/core';

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
};

export interface KnownValues {
  groupIds: string[];
  emails: string[];
  roleNames: string[];
}

const JSON_VALUE = fc.jsonValue({ maxDepth: 3 });
/** Deeply nested objects and prototype-polluting keys, for free-form JSON fields. */
const HOSTILE_JSON = fc.oneof(
  fc.nat({ max: 40 }).map((depth) => {
    let value: unknown = { leaf: true };
    for (let i = 0; i < depth; i++) value = { nested: value };
    return value;
  }),
  fc.constantFrom(
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } },
    { '': 'empty key' },
    { security: { mfaRequired: 'yes' } },
  ),
  fc.string({ minLength: 16 * 1024, maxLength: 17 * 1024 }).map((text) => ({ big: text })),
);

const WRONG_TYPE = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

export function arbitraryFor(schema: $ZodType, known: KnownValues): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fromJsonSchema(json, json.$defs ?? {}, known, undefined, 0);
}

function fromJsonSchema(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  known: KnownValues,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = defs[schema.$ref.replace('#/$defs/', '')];
    return target && depth < 6 ? fromJsonSchema(target, defs, known, name, depth + 1) : JSON_VALUE;
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((item) => fromJsonSchema(item, defs, known, name, depth + 1)));
  if (schema.allOf?.[0]) return fromJsonSchema(schema.allOf[0], defs, known, name, depth + 1);
  const fitting = fittingValue(schema, defs, known, name, depth);
  return fc.oneof({ arbitrary: fitting, weight: 12 }, { arbitrary: WRONG_TYPE, weight: 1 });
}

function fittingValue(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  known: KnownValues,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 5 }, fc.string({ maxLength: 12 }));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema, known, name);
    case 'integer':
    case 'number':
      return numberArbitrary(schema, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = schema.items ? fromJsonSchema(schema.items, defs, known, name, depth + 1) : JSON_VALUE;
      const max = schema.maxItems ?? 5;
      return fc.oneof(
        { arbitrary: fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(max, 5) }), weight: 5 },
        fc.array(item, { minLength: max + 1, maxLength: max + 1 }),
        fc.constant([]),
      );
    }
    case 'object':
      return objectArbitrary(schema, defs, known, depth);
    default:
      return fc.oneof(JSON_VALUE, HOSTILE_JSON);
  }
}

function objectArbitrary(schema: JsonSchema, defs: Record<string, JsonSchema>, known: KnownValues, depth: number) {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) {
    // A free-form record (configuration, tags): ordinary JSON, hostile JSON, or typed values.
    const values =
      typeof schema.additionalProperties === 'object'
        ? fromJsonSchema(schema.additionalProperties, defs, known, undefined, depth + 1)
        : JSON_VALUE;
    return fc.oneof(fc.dictionary(fc.string({ maxLength: 70 }), values, { maxKeys: 4 }), HOSTILE_JSON);
  }
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) record[key] = fromJsonSchema(property, defs, known, key, depth + 1);
  const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
  return fc.oneof(
    { arbitrary: fc.record(record, { requiredKeys }), weight: 8 },
    // A required field missing, or an unknown field added.
    fc.record(record, { requiredKeys: [] }),
    fc
      .tuple(fc.record(record, { requiredKeys }), fc.string({ minLength: 1, maxLength: 10 }), JSON_VALUE)
      .map(([value, key, extra]) => ({
        ...(value as object),
        [key]: extra,
      })),
  );
}

function stringArbitrary(schema: JsonSchema, known: KnownValues, name: string | undefined): fc.Arbitrary<unknown> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 300;
  const boundaries = fc.oneof(
    fc.string({ minLength: max, maxLength: max }),
    fc.string({ minLength: max + 1, maxLength: max + 1 }),
    fc.constant('x'.repeat(Math.max(0, min - 1))),
    fc.constantFrom('', ' ', '%', '%E0%A4%A', '%2F..%2F', '\u0000', '\u001f', '💥'.repeat(40)),
  );
  const candidates: fc.Arbitrary<unknown>[] = [boundaries, fc.string({ maxLength: 40 })];
  if (schema.pattern) candidates.push(fc.stringMatching(new RegExp(schema.pattern)));
  if (typeof schema.example === 'string') candidates.push(fc.constant(schema.example));
  if (schema.format === 'email' || /email/i.test(name ?? '') || /email/i.test(String(schema.example ?? ''))) {
    candidates.push(fc.emailAddress(), fc.constantFrom(...known.emails), emailOfLength(129), emailOfLength(128));
  }
  if (/group|tenant|^id$/i.test(name ?? '')) {
    candidates.push(fc.constantFrom(...known.groupIds), fc.stringMatching(/^(\/[a-z0-9-]{1,12}){1,4}$/));
  }
  if (/^role$|^name$/i.test(name ?? '') && known.roleNames.length > 0) candidates.push(fc.constantFrom(...known.roleNames));
  return fc.oneof(...candidates);
}

const emailOfLength = (length: number) => fc.constant(`${'a'.repeat(length - '@example.com'.length)}@example.com`);

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -1000;
  const max = schema.maximum ?? 1000;
  const inRange = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(inRange, fc.constantFrom(min - 1, max + 1, min, max, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2));
}
