import type { CellValue, Workbook } from 'exceljs';
import { MAX_XLSX_UNPACKED_MB } from '../../../shared/ipc/channels/import';
import { toTable, type ImportTable, type ParseResult } from './table';
import { declaredUnpackedSize } from './zip-size';

export interface XlsxTable extends ImportTable {
  sheets: string[];
  sheet: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A file that is not an .xlsx at all (an image renamed, an old binary .xls) is told apart from a broken one. */
export function xlsxKind(bytes: Uint8Array): 'zip' | 'old_excel' | 'other' {
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) return 'old_excel';
  return 'other';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date cell as dd.mm.yyyy (exceljs gives the day as UTC midnight); a time of day is dropped. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return `${pad2(date.getUTCDate())}.${pad2(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

/**
 * Any cell as the text a caseworker sees: formulas give their cached result (never the formula), rich text
 * its plain text, hyperlinks their label, errors (#N/A) nothing.
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? cellText(v.result as CellValue) : '';
    if ('error' in v) return '';
    if (typeof v.text === 'string') return v.text;
    if (v.text && typeof v.text === 'object') return cellText(v.text as CellValue);
  }
  return '';
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook | null> {
  try {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return null;
  }
}

/**
 * The chosen sheet (default: the first) as a table. Total: a file that is not a zip, a truncated or damaged
 * zip, or a zip that is not a workbook gives a reason, never an exception.
 */
export type XlsxResult = ParseResult<XlsxTable> | { ok: false; reason: 'old_excel' | 'unpacked_too_large' };

export async function parseXlsx(bytes: Uint8Array, sheetName?: string): Promise<XlsxResult> {
  try {
    const kind = xlsxKind(bytes);
    if (kind === 'old_excel') return { ok: false, reason: 'old_excel' };
    if (kind !== 'zip') return { ok: false, reason: 'not_table' };
    const declared = declaredUnpackedSize(bytes);
    if (!declared.ok) return { ok: false, reason: declared.reason === 'zip64' ? 'unpacked_too_large' : 'corrupt' };
    if (declared.unpackedBytes > MAX_XLSX_UNPACKED_MB * 1024 * 1024) return { ok: false, reason: 'unpacked_too_large' };
    const workbook = await loadWorkbook(bytes);
    if (!workbook) return { ok: false, reason: 'corrupt' };
    const sheets = workbook.worksheets.map((ws) => ws.name);
    const worksheet = sheetName === undefined ? workbook.worksheets[0] : workbook.worksheets.find((ws) => ws.name === sheetName);
    if (!worksheet) return { ok: false, reason: sheets.length === 0 ? 'empty' : 'no_sheet' };
    const raw: string[][] = [];
    const numbers: number[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      numbers.push(row.number);
      const values = Array.isArray(row.values) ? row.values : [];
      // row.values is 1-based: index 0 is always empty.
      raw.push(Array.from(values.slice(1), (v) => cellText(v as CellValue)));
    });
    const table = toTable(raw, numbers);
    return table.ok ? { ok: true, value: { ...table.value, sheets, sheet: worksheet.name } } : table;
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
