import { z } from 'zod';

/**
 * The mission's report as the page shows it — its title, mission, period and tables, already labelled in the
 * interface language — for main to write as XLSX (one sheet per table) or as a PDF report. Main checks the
 * shape and the sizes; what the numbers mean is the page's business (shared/reports/compute).
 */
export const REPORT_EXPORT_LIMITS = {
  text: 300,
  label: 120,
  lines: 12,
  tables: 12,
  columns: 12,
  rows: 2000,
  cell: 300,
} as const;

const L = REPORT_EXPORT_LIMITS;
const line = (max: number) => z.string().trim().max(max);

export const reportCellSchema = z.union([z.string().max(L.cell), z.number().finite(), z.null()]);

export const reportTableSchema = z
  .object({
    title: line(L.text).min(1),
    columns: z
      .array(z.object({ label: line(L.label).min(1), numeric: z.boolean() }).strict())
      .min(1)
      .max(L.columns),
    rows: z.array(z.array(reportCellSchema).max(L.columns)).max(L.rows),
    /** A totals row, printed bold under the rows. */
    total: z.array(reportCellSchema).max(L.columns).optional(),
  })
  .strict()
  .superRefine((table, ctx) => {
    const width = table.columns.length;
    table.rows.forEach((row, i) => {
      if (row.length !== width) ctx.addIssue({ code: 'custom', path: ['rows', i], message: 'row width differs from the columns' });
    });
    if (table.total && table.total.length !== width) ctx.addIssue({ code: 'custom', path: ['total'], message: 'total width differs from the columns' });
  });

export const reportDocumentSchema = z
  .object({
    title: line(L.text).min(1),
    missionName: line(L.text),
    /** «01.2025 – 12.2025», as the page writes it. */
    period: line(L.label).min(1),
    /** Filters in force, notes on the data; one paragraph each under the title. */
    lines: z.array(line(L.text)).max(L.lines),
    tables: z.array(reportTableSchema).min(1).max(L.tables),
    /** File name to suggest, without the extension (main makes it safe for any file system). */
    fileName: line(L.label).min(1),
    language: z.enum(['ru', 'ky', 'en']),
  })
  .strict();

export type ReportCell = z.output<typeof reportCellSchema>;
export type ReportTable = z.output<typeof reportTableSchema>;
export type ReportDocument = z.output<typeof reportDocumentSchema>;

const savedResponse = z.object({
  status: z.enum(['saved', 'canceled']),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
});

export const REPORTS_CHANNELS = {
  'reports:exportXlsx': { request: reportDocumentSchema, response: savedResponse },
  'reports:exportPdf': { request: reportDocumentSchema, response: savedResponse },
} as const;
