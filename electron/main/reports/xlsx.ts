import type { Workbook } from 'exceljs';
import type { ReportCell, ReportDocument, ReportTable } from '../../../shared/ipc/channels/reports';

/** XML 1.0 has no way to write most control characters; a workbook holding one will not open in Excel. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const clean = (text: string) => text.replace(CONTROL, '');
const cleanCell = (cell: ReportCell) => (typeof cell === 'string' ? clean(cell) : cell);

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_MAX = 31;

/** Sheet names from the table titles: allowed characters, at most 31, unique within the workbook (Excel compares them ignoring case). */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, i) => {
    const base = clean(title).replace(SHEET_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || `${i + 1}`;
    let name = base.slice(0, SHEET_MAX).trim();
    for (let n = 2; used.has(name.toLocaleLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, SHEET_MAX - suffix.length).trim()}${suffix}`;
    }
    used.add(name.toLocaleLowerCase());
    return name;
  });
}

/** Header & footer text is a small language of its own: «&» starts a code. */
const headerText = (text: string) => clean(text).replace(/&/g, '&&');

function widthOf(table: ReportTable, column: number): number {
  const lengths = [table.columns[column]!.label, ...[...table.rows, ...(table.total ? [table.total] : [])].map((row) => row[column])].map((v) =>
    v === null || v === undefined ? 0 : String(v).length,
  );
  return Math.min(60, Math.max(8, ...lengths) + 2);
}

/**
 * The report as a workbook: one sheet per table, its header row bold and frozen, numbers stored as numbers (so
 * the ministry can sum and chart them), the totals row bold. The title, mission and period are in the
 * workbook's properties and each sheet's printed header.
 */
export async function buildReportXlsx(doc: ReportDocument, generatedAt: Date): Promise<Uint8Array> {
  // Loaded on first use: exceljs is large and most sessions never export.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aryz';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = clean(doc.title);
  workbook.subject = clean(`${doc.missionName} — ${doc.period}`.trim());
  workbook.company = clean(doc.missionName);
  const names = sheetNames(doc.tables.map((t) => t.title));
  doc.tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(names[index]!, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      headerFooter: {
        oddHeader: `&L${headerText(doc.missionName)}&R${headerText(`${doc.title}, ${doc.period}`)}`,
        oddFooter: `&L${headerText(table.title)}&R&P / &N`,
      },
    });
    sheet.columns = table.columns.map((column, c) => ({ header: clean(column.label), key: `c${c}`, width: widthOf(table, c) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    for (const row of table.rows) sheet.addRow(row.map(cleanCell));
    if (table.total) sheet.addRow(table.total.map(cleanCell)).font = { bold: true };
    table.columns.forEach((column, c) => {
      if (column.numeric) sheet.getColumn(c + 1).alignment = { horizontal: 'right' };
    });
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
