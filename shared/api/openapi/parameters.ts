/** An operation's parameters: the path and query parameters its schemas read, then the headers every route reads. */
import type { $ZodType } from 'zod/v4/core';
import { GROUP_CONTEXT_HEADER, LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from '../contract.ts';
import type { SchemaCollector } from './jsonSchemas.ts';
import type { ParameterObject } from './openApiObjects.ts';

export interface ParameterSources {
  params?: $ZodType;
  query?: $ZodType;
  /** Public routes take no token, so no group context either. */
  isPublic: boolean;
}

export function operationParameters(sources: ParameterSources, schemas: SchemaCollector): ParameterObject[] {
  return [
    ...(sources.params ? objectParameters(sources.params, 'path', schemas) : []),
    ...(sources.query ? objectParameters(sources.query, 'query', schemas) : []),
    headerParameter(
      'accept-version',
      `API version; absent means the latest. Supported: ${SUPPORTED_API_VERSIONS.join(', ')}.`,
      LATEST_API_VERSION!,
    ),
    ...(sources.isPublic
      ? []
      : [
          headerParameter(
            GROUP_CONTEXT_HEADER,
            'Group to act in (a group id, plain or url-encoded); defaults to your default group.',
            '/acme',
          ),
        ]),
  ];
}

/** One parameter per property of an object schema, as the request sends it, described by the property’s description. */
function objectParameters(schema: $ZodType, location: 'path' | 'query', schemas: SchemaCollector): ParameterObject[] {
  const object = schemas.convert(schema, 'input');
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const description = typeof property === 'object' ? property.description : undefined;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: typeof property === 'object' ? property : {},
    };
  });
}

function headerParameter(name: string, description: string, example: string): ParameterObject {
  return { name, in: 'header', required: false, description, schema: { type: 'string', description, example } };
}
