import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../../electron/main/import/csv';
import { parseImportBytes } from '../../../../../electron/main/import/read-file';
import { parseXlsx } from '../../../../../electron/main/import/xlsx';
import { IMPORT_REFUSALS } from '../../../../../shared/ipc/channels/import';
import { makeXlsx } from '../../../support/import-fixtures';

/**
 * The parsers are total: any bytes give a table or a typed refusal, never an exception (issue 7 fuzzes
 * them further). Tables are always rectangular, with every row numbered.
 */
const rectangular = (t: { headers: string[]; rows: string[][]; rowNumbers: number[] }) =>
  t.rows.every((r) => r.length === t.headers.length) && t.rowNumbers.length === t.rows.length;

describe('parsers are total', () => {
  it('CSV: arbitrary bytes and arbitrary CSV-like text', () => {
    const csvish = fc
      .array(fc.oneof(fc.constantFrom(';', ',', '\t', '"', '\n', '\r\n', '""', ' ', 'Ё', 'ң', '\u0000'), fc.string({ maxLength: 8 })), { maxLength: 60 })
      .map((parts) => new TextEncoder().encode(parts.join('')));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), csvish), (bytes) => {
        const result = parseCsv(bytes);
        if (result.ok) expect(rectangular(result.value)).toBe(true);
        else expect(['empty', 'not_table', 'corrupt', 'too_many_columns']).toContain(result.reason);
      }),
      { numRuns: 1500 },
    );
  });

  it('XLSX: a real workbook with bytes flipped, cut or spliced', async () => {
    const good = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('Список');
      ws.addRow(['Фамилия', 'Дата рождения']);
      ws.addRow(['Асанов', new Date(Date.UTC(1990, 2, 12))]);
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('flip' as const), at: fc.nat(good.length - 1), value: fc.integer({ min: 0, max: 255 }) }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat(good.length - 1), value: fc.constant(0) }),
        ),
        async ({ kind, at, value }) => {
          const bytes = kind === 'cut' ? good.slice(0, at) : good.slice();
          if (kind === 'flip') bytes[at] = value;
          const result = await parseXlsx(bytes);
          if (result.ok) expect(rectangular(result.value)).toBe(true);
          else expect(['empty', 'not_table', 'corrupt', 'old_excel', 'no_sheet', 'too_many_columns']).toContain(result.reason);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('by content: any bytes under any name give parsed or a known refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.txt', 'a'), async (bytes, name) => {
        const result = await parseImportBytes(bytes, name);
        if (result.status === 'refused') expect(IMPORT_REFUSALS).toContain(result.reason);
        else expect(rectangular(result.table)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
