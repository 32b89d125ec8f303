/**
 * Request and response schemas as zod's own JSON Schema (`toJSONSchema`), which reads what `.meta()`
 * registered in the global registry and works on classic and `zod/mini` schemas alike. Every schema
 * with an `id` becomes one entry of `components.schemas`, referenced by `#/components/schemas/<id>`.
 */
import { toJSONSchema, type $ZodType, type JSONSchema } from 'zod/v4/core';

/** What a request reads (`input`: before transforms and defaults) or a response writes (`output`). */
export type Direction = 'input' | 'output';
export type SchemaObject = JSONSchema.JSONSchema;

const COMPONENT_REF = '#/components/schemas/';
const DEF_REF = '#/$defs/';

export interface SchemaCollector {
  /** The schema as JSON Schema; schemas with an `id`, itself included, become references to components. */
  convert(schema: $ZodType, direction: Direction): SchemaObject;
  /**
   * The components every conversion so far refers to. Call it once, after the last conversion: it
   * names them and points the references already handed out at those names.
   */
  components(): Record<string, SchemaObject>;
}

export function createSchemaCollector(): SchemaCollector {
  /** id -> direction -> its JSON Schema in that direction. */
  const definitions = new Map<string, Map<Direction, SchemaObject>>();
  /** Every `$ref` handed out, named once the directions each id is used in are known. */
  const references: { node: SchemaObject; id: string; direction: Direction }[] = [];

  const pointAtComponents = (value: unknown, direction: Direction): void => {
    if (Array.isArray(value)) {
      for (const item of value) pointAtComponents(item, direction);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as SchemaObject;
    if (typeof node.$ref === 'string' && node.$ref.startsWith(DEF_REF)) {
      references.push({ node, id: decodeURIComponent(node.$ref.slice(DEF_REF.length)), direction });
    }
    for (const child of Object.values(node)) pointAtComponents(child, direction);
  };

  return {
    convert(schema, direction) {
      const { $defs, ...root } = toJSONSchema(schema, { io: direction, target: 'draft-2020-12', override: documentedAsBefore });
      // The document's dialect is OpenAPI 3.1's own.
      delete root.$schema;
      for (const [id, definition] of Object.entries($defs ?? {})) {
        if (id.startsWith('__schema')) throw new Error(`A recursive schema needs an id to be documented: ${id}`);
        const byDirection = definitions.get(id) ?? new Map<Direction, SchemaObject>();
        definitions.set(id, byDirection);
        if (byDirection.has(direction)) continue;
        byDirection.set(direction, definition);
        pointAtComponents(definition, direction);
      }
      pointAtComponents(root, direction);
      return root;
    },

    components() {
      const names = new Map<string, Record<Direction, string>>();
      const components: Record<string, SchemaObject> = {};
      for (const [id, byDirection] of definitions) {
        const input = byDirection.get('input');
        const output = byDirection.get('output');
        // A schema that reads differently from how it writes (a transform, a default) is two components.
        const differ = input && output && JSON.stringify(input) !== JSON.stringify(output);
        names.set(id, { input: differ ? `${id}Input` : id, output: id });
        if (differ) Object.assign(components, { [id]: output, [`${id}Input`]: input });
        else components[id] = (output ?? input)!;
      }
      for (const { node, id, direction } of references) node.$ref = COMPONENT_REF + names.get(id)![direction];
      return components;
    },
  };
}

/**
 * Where zod's JSON Schema says more than the document always has, say what it said:
 * - a response object that is not strict allows more properties (clients must accept fields added later);
 * - record keys are not constrained in the document (`propertyNames`);
 * - a string format (`date-time`, `email`) stands for the rule, without zod's regular expression for it;
 * - an integer is not bounded by JavaScript's safe integers.
 */
function documentedAsBefore({ zodSchema, jsonSchema }: { zodSchema: $ZodType; jsonSchema: SchemaObject }): void {
  const def = zodSchema._zod.def as { type: string; catchall?: unknown; format?: unknown };
  if (def.type === 'object' && def.catchall === undefined && jsonSchema.additionalProperties === false) {
    delete jsonSchema.additionalProperties;
  }
  if (def.type === 'record') delete jsonSchema.propertyNames;
  if (def.type === 'string' && def.format !== undefined && jsonSchema.format !== undefined) delete jsonSchema.pattern;
  if (def.type === 'number' && jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (def.type === 'number' && jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}
