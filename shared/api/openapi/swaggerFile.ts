import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from './buildOpenApi.ts';

export const SWAGGER_PATH = fileURLToPath(new URL('../../../docs/swagger.json', import.meta.url));

export const renderSwagger = () => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

export function committedSwagger(): string | undefined {
  try {
    return readFileSync(SWAGGER_PATH, 'utf8');
  } catch {
    return undefined;
  }
}
