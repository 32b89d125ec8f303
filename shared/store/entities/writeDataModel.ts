/** Writes the README's data-model table from the entity declarations (`npm run docs`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withDataModelTable } from './dataModelTable.ts';
import { ENTITIES } from './index.ts';

const readme = new URL('../../../README.md', import.meta.url);
writeFileSync(readme, withDataModelTable(readFileSync(readme, 'utf8'), ENTITIES));
