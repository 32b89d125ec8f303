import * as z from 'zod';
import * as zm from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { createSchemaCollector } from '../../shared/api/openapi/jsonSchemas.ts';

describe('the OpenAPI schema collector', () => {
  it('makes every schema with an id a component, referenced where it is used', () => {
    // Prepare
    const schemas = createSchemaCollector();
    const part = z.object({ name: z.string().meta({ example: 'Finance' }) }).meta({ id: 'CollectorPart' });
    const whole = z.object({ parts: z.array(part) }).meta({ id: 'CollectorWhole', description: 'All the parts' });

    // Act
    const converted = schemas.convert(whole, 'output');
    const components = schemas.components();

    // Assess
    expect(converted).toEqual({ $ref: '#/components/schemas/CollectorWhole' });
    expect(components).toEqual({
      CollectorWhole: {
        description: 'All the parts',
        type: 'object',
        properties: { parts: { type: 'array', items: { $ref: '#/components/schemas/CollectorPart' } } },
        required: ['parts'],
      },
      CollectorPart: { type: 'object', properties: { name: { type: 'string', example: 'Finance' } }, required: ['name'] },
    });
  });

  it('converts zod/mini schemas, whose metadata sits in the same global registry', () => {
    // Prepare
    const schemas = createSchemaCollector();
    const mini = zm
      .strictObject({ count: zm.optional(zm.number().register(zm.globalRegistry, { description: 'How many' })) })
      .register(zm.globalRegistry, { id: 'CollectorMini' });

    // Act
    const converted = schemas.convert(mini, 'input');
    const components = schemas.components();

    // Assess
    expect(converted).toEqual({ $ref: '#/components/schemas/CollectorMini' });
    expect(components.CollectorMini).toEqual({
      type: 'object',
      properties: { count: { type: 'number', description: 'How many' } },
      additionalProperties: false,
    });
  });

  it('names a schema that reads differently from how it writes twice: the response one plainly, the request one Input', () => {
    // Prepare
    const schemas = createSchemaCollector();
    const page = z.object({ size: z.number().default(20) }).meta({ id: 'CollectorPage' });

    // Act
    const request = schemas.convert(page, 'input');
    const response = schemas.convert(page, 'output');
    const components = schemas.components();

    // Assess
    expect(request).toEqual({ $ref: '#/components/schemas/CollectorPageInput' });
    expect(response).toEqual({ $ref: '#/components/schemas/CollectorPage' });
    expect(components.CollectorPageInput).toEqual({ type: 'object', properties: { size: { type: 'number', default: 20 } } });
    expect(components.CollectorPage).toEqual({
      type: 'object',
      properties: { size: { type: 'number', default: 20 } },
      required: ['size'],
    });
  });

  it('lets responses gain properties unless their object is strict, and leaves out what the document never said', () => {
    // Prepare
    const schemas = createSchemaCollector();
    const response = z.object({
      at: z.iso.datetime(),
      count: z.number().int(),
      tags: z.record(z.string().regex(/^[a-z]+$/), z.string()),
      fixed: z.strictObject({ a: z.string() }),
    });

    // Act
    const converted = schemas.convert(response, 'output');

    // Assess
    expect(converted).toEqual({
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        count: { type: 'integer' },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
        fixed: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
      },
      required: ['at', 'count', 'tags', 'fixed'],
    });
  });
});
