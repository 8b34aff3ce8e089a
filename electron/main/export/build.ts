import { PassThrough } from 'node:stream';
import type { ExportCell, ExportColumn } from '../../../shared/ipc/channels/export';

/**
 * Builders of exported tables, fed row by row so a 100,000-row export is written as its chunks arrive
 * instead of held twice and built at the end. XLSX: bold frozen header, column widths, dates as real
 * dates shown dd.mm.yyyy. CSV: UTF-8 with BOM and `;`, which is what Russian Excel opens without a wizard.
 */

export interface TableBuilder {
  add(rows: readonly (readonly ExportCell[])[]): void;
  finish(): Promise<Uint8Array>;
  abort(): void;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoToUtcDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) ? date : null;
}

function isoToRussian(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/**
 * A cell Excel would run as a formula (=, @, or + / - not followed by a plain number or phone) gets a
 * leading apostrophe in CSV, so a name field cannot become =HYPERLINK(…) on the caseworker's PC.
 */
export function neutralizeFormula(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s().-]*$/.test(text)) return `'${text}`;
  return text;
}

function csvField(cell: ExportCell, column: ExportColumn): string {
  if (cell === null) return '';
  let text = typeof cell === 'number' ? String(cell) : column.kind === 'date' ? isoToRussian(cell) : neutralizeFormula(cell);
  if (typeof cell === 'number') text = text.replace('.', ',');
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function createCsvBuilder(columns: readonly ExportColumn[]): TableBuilder {
  const parts: string[] = ['\uFEFF', columns.map((c) => csvField(c.header, { ...c, kind: 'text' })).join(';'), '\r\n'];
  return {
    add(rows) {
      for (const row of rows) parts.push(columns.map((c, i) => csvField(row[i] ?? null, c)).join(';'), '\r\n');
    },
    async finish() {
      return new TextEncoder().encode(parts.join(''));
    },
    abort() {
      parts.length = 0;
    },
  };
}

export async function createXlsxBuilder(columns: readonly ExportColumn[], sheetName: string): Promise<TableBuilder> {
  const ExcelJS = (await import('exceljs')).default;
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Aryz';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    ...(c.kind === 'date' ? { style: { numFmt: 'dd.mm.yyyy' } } : {}),
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const toCell = (cell: ExportCell, column: ExportColumn): Date | string | number | null => {
    if (cell === null || typeof cell === 'number') return cell;
    if (column.kind === 'date') return isoToUtcDate(cell) ?? cell;
    if (column.kind === 'number' && /^-?\d+(?:\.\d+)?$/.test(cell) && cell.length < 16) return Number(cell);
    return cell;
  };
  return {
    add(rows) {
      for (const row of rows) {
        const added = sheet.addRow(columns.map((c, i) => toCell(row[i] ?? null, c)));
        // Set on the cell too: whether a column's style reaches cells depends on how the row was made.
        columns.forEach((c, i) => {
          if (c.kind === 'date') added.getCell(i + 1).numFmt = 'dd.mm.yyyy';
        });
        added.commit();
      }
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      await ended;
      return new Uint8Array(Buffer.concat(chunks));
    },
    abort() {
      stream.destroy();
      chunks.length = 0;
    },
  };
}
