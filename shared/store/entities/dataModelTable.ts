/**
 * The README's data-model table, rendered from the entity declarations. `npm run docs` writes it
 * between the README's markers, and a unit test fails when the README's table is stale.
 */
import type { EntityDeclaration, IndexKeys } from './entity.ts';
import { TAG_SEPARATOR } from './tags.ts';
import { TABLE_INDEXES, TTL_ATTRIBUTE } from './table.ts';

export const DATA_MODEL_START = '<!-- data-model: generated from shared/store/entities/ by `npm run docs` -->';
export const DATA_MODEL_END = '<!-- data-model: end -->';

const INDEX_NAMES = Object.values(TABLE_INDEXES).map((index) => index.name);
const HEADER = [
  'item',
  'type',
  'pk',
  'sk',
  ...INDEX_NAMES.map((name) => `${name} (pk / sk)`),
  'fields',
  `expires (\`${TTL_ATTRIBUTE}\`)`,
];

// Shown as ␟ (the symbol for the unit separator), and `|` escaped, so every key reads in a Markdown cell.
const shown = (pattern: string) => `\`${pattern.replaceAll(TAG_SEPARATOR, '␟').replaceAll('|', '\\|')}\``;
const indexCell = (index: IndexKeys | undefined) => (index ? `${shown(index.pk.pattern)} / ${shown(index.sk.pattern)}` : '');

/** One row of cells per entity, the header first. */
export function dataModelRows(entities: readonly EntityDeclaration[]): string[][] {
  return [
    HEADER,
    ...entities.map((entity) => [
      entity.item,
      `\`${entity.type}\``,
      shown(entity.pk.pattern),
      shown(entity.sk.pattern),
      ...INDEX_NAMES.map((name) => indexCell(entity.indexes?.[name])),
      entity.fields.join(', '),
      entity.expires ?? '',
    ]),
  ];
}

export function renderDataModelTable(entities: readonly EntityDeclaration[]): string {
  const [header, ...rows] = dataModelRows(entities);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header!), line(header!.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The cells of the Markdown table between the markers, however it is padded; undefined without the markers. */
export function tableRowsBetweenMarkers(markdown: string): string[][] | undefined {
  const start = markdown.indexOf(DATA_MODEL_START);
  const end = markdown.indexOf(DATA_MODEL_END);
  if (start < 0 || end < start) return undefined;
  return markdown
    .slice(start + DATA_MODEL_START.length, end)
    .split('\n')
    .map((row) => row.trim())
    .filter((row) => row.startsWith('|') && !/^\|[\s|:-]+\|$/.test(row))
    .map((row) =>
      row
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

/** The markdown with the table between the markers replaced by the rendered one. */
export function withDataModelTable(markdown: string, entities: readonly EntityDeclaration[]): string {
  const start = markdown.indexOf(DATA_MODEL_START);
  const end = markdown.indexOf(DATA_MODEL_END);
  if (start < 0 || end < start) throw new Error(`The README has no ${DATA_MODEL_START} ... ${DATA_MODEL_END} section`);
  return `${markdown.slice(0, start + DATA_MODEL_START.length)}\n\n${renderDataModelTable(entities)}\n\n${markdown.slice(end)}`;
}
