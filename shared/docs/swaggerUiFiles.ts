/** Reads an allow-listed swagger-ui-dist file: next to the function on AWS, else from node_modules. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SWAGGER_UI_BUNDLE_DIR, SWAGGER_UI_FILES } from '../api/swaggerUiAssets.ts';

export interface StaticFile {
  body: string;
  contentType: string;
}

const cache = new Map<string, StaticFile>();

export async function readSwaggerUiFile(name: string, directory = swaggerUiDirectory()): Promise<StaticFile | undefined> {
  const contentType = Object.hasOwn(SWAGGER_UI_FILES, name) ? SWAGGER_UI_FILES[name] : undefined;
  if (!contentType) return undefined;
  const key = join(directory, name);
  let file = cache.get(key);
  if (!file) {
    file = { body: await readFile(key, 'utf8'), contentType };
    cache.set(key, file);
  }
  return file;
}

export function swaggerUiDirectory(taskRoot = process.env.LAMBDA_TASK_ROOT): string {
  const bundled = taskRoot ? join(taskRoot, SWAGGER_UI_BUNDLE_DIR) : undefined;
  if (bundled && existsSync(bundled)) return bundled;
  // Not named `require`: the Lambda bundle's banner declares that name at the top level.
  const resolveFromHere = createRequire(import.meta.url);
  return dirname(resolveFromHere.resolve('swagger-ui-dist/package.json'));
}
