import { describe, expect, it } from 'vitest';
import { exportMediaType } from '../../shared/http/exportMediaType.ts';
import { csvField } from '../../shared/services/audit/auditExport.ts';

describe('audit export formats', () => {
  it('answers JSON Lines by default and CSV when asked, by quality, and 406 for anything else', () => {
    // Prepare
    const accepts = [
      undefined,
      '*/*',
      'application/x-ndjson',
      'text/csv',
      'application/x-ndjson;q=0.5, text/csv',
      'text/html, text/*',
    ];

    // Act
    const formats = accepts.map((accept) => exportMediaType(accept).format);

    // Assess
    expect(formats).toEqual(['ndjson', 'ndjson', 'ndjson', 'csv', 'csv', 'csv']);
    expect(() => exportMediaType('application/xml')).toThrow(expect.objectContaining({ kind: 'not-acceptable' }));
  });

  it('quotes CSV fields that need it and defuses spreadsheet formulas', () => {
    // Prepare
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', '=HYPERLINK("x")', '+1', '@sum', '-2'];

    // Act
    const fields = values.map(csvField);

    // Assess
    expect(fields).toEqual(['plain', '"a,b"', '"say ""hi"""', '"two\nlines"', `"'=HYPERLINK(""x"")"`, "'+1", "'@sum", "'-2"]);
  });
});
