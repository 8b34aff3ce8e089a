import Papa from 'papaparse';
import { decodeText, looksBinary, type TextEncoding } from './decode';
import { toTable, type ImportTable, type ParseResult } from './table';

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvTable extends ImportTable {
  encoding: TextEncoding;
  delimiter: CsvDelimiter;
}

/**
 * The delimiter that splits the first lines into the same number of fields most often (more than one).
 * Papaparse's own guess gives up on files with empty lines, which exported lists often have.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ';', score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const sample = Papa.parse<string[]>(text, { delimiter, preview: 50, skipEmptyLines: 'greedy' }).data;
    const counts = new Map<number, number>();
    for (const row of sample) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let score = 0;
    for (const [fields, rows] of counts) if (fields > 1) score = Math.max(score, rows * 1000 + fields);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Total: any bytes give a table or a reason. Quoted fields may hold delimiters, quotes ("") and line breaks. */
export function parseCsv(bytes: Uint8Array): ParseResult<CsvTable> {
  try {
    if (bytes.length === 0) return { ok: false, reason: 'empty' };
    if (looksBinary(bytes)) return { ok: false, reason: 'not_table' };
    const { text, encoding } = decodeText(bytes);
    const delimiter = detectDelimiter(text);
    // Empty lines are kept here (toTable drops them) so each row keeps the number a spreadsheet shows it under.
    const parsed = Papa.parse<string[]>(text, { delimiter });
    const table = toTable(parsed.data);
    return table.ok ? { ok: true, value: { ...table.value, encoding, delimiter } } : table;
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
