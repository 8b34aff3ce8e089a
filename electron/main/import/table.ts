/** What a parser answers: a header row and data rows of strings, capped, or a reason it could not read the file. */

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_COLUMNS = 200;
/** Longer cells are cut: no field of a case is longer, and a runaway quote must not make one huge cell. */
export const MAX_CELL_CHARS = 10_000;

export interface ImportTable {
  headers: string[];
  rows: string[][];
  /** Each data row's number in the file as a spreadsheet shows it (the header row's is 1 when it comes first). */
  rowNumbers: number[];
  /** Data rows in the file (non-empty), including any beyond the cap. */
  totalRows: number;
  truncated: boolean;
}

export type ParseRefusal = 'empty' | 'not_table' | 'corrupt' | 'no_sheet' | 'too_many_columns';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: ParseRefusal };

const clean = (cell: string) => (cell.length > MAX_CELL_CHARS ? cell.slice(0, MAX_CELL_CHARS) : cell).replaceAll('\u0000', '').trim();

/**
 * Drops empty rows, takes the first non-empty one as the header, pads or cuts every row to the header's
 * width (keeping cells beyond it only if they are non-empty, under generated headers) and applies the cap.
 */
export function toTable(raw: readonly (readonly string[])[], numbers?: readonly number[]): ParseResult<ImportTable> {
  const numbered = raw
    .map((r, i) => ({ cells: r.map((c) => clean(String(c ?? ''))), number: numbers?.[i] ?? i + 1 }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const rows = numbered.map((r) => r.cells);
  if (rows.length === 0) return { ok: false, reason: 'empty' };
  const width = rows.reduce((w, r) => {
    let last = r.length;
    while (last > 0 && r[last - 1] === '') last--;
    return Math.max(w, last);
  }, 0);
  if (width > MAX_IMPORT_COLUMNS) return { ok: false, reason: 'too_many_columns' };
  const pad = (r: string[]) => Array.from({ length: width }, (_, i) => r[i] ?? '');
  const headers = pad(rows[0]!).map((h, i) => h || `#${i + 1}`);
  const data = rows.slice(1);
  return {
    ok: true,
    value: {
      headers,
      rows: data.slice(0, MAX_IMPORT_ROWS).map(pad),
      rowNumbers: numbered.slice(1, MAX_IMPORT_ROWS + 1).map((r) => r.number),
      totalRows: data.length,
      truncated: data.length > MAX_IMPORT_ROWS,
    },
  };
}
