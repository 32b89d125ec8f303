/** Content negotiation for exports: JSON Lines unless the client asks for CSV; anything else it names is 406. */
import { notAcceptable } from '../domain/errors.ts';

export type ExportMedia =
  { format: 'ndjson'; contentType: 'application/x-ndjson' } | { format: 'csv'; contentType: 'text/csv; charset=utf-8' };

const NDJSON: ExportMedia = { format: 'ndjson', contentType: 'application/x-ndjson' };
const CSV: ExportMedia = { format: 'csv', contentType: 'text/csv; charset=utf-8' };

export function exportMediaType(accept: string | undefined): ExportMedia {
  if (accept === undefined || accept.trim() === '') return NDJSON;
  const ranges = accept
    .split(',')
    .map((part) => part.split(';'))
    .map(([range, ...parameters]) => ({
      range: range!.trim().toLowerCase(),
      quality: Number(parameters.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1),
    }))
    .filter(({ quality }) => quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { range } of ranges) {
    if (range === 'application/x-ndjson' || range === 'application/jsonl' || range === '*/*' || range === 'application/*')
      return NDJSON;
    if (range === 'text/csv' || range === 'text/*') return CSV;
  }
  throw notAcceptable('Export answers application/x-ndjson or text/csv: send one of them in Accept');
}
