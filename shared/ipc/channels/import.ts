import { z } from 'zod';

/** Largest file an import reads; bigger lists are split by the caseworker (the message says so). */
export const MAX_IMPORT_FILE_MB = 30;
/**
 * Most a workbook may unpack to. 50,000 rows of case data are some 40 MB of sheet XML; a file past this is not
 * a list of people but a zip bomb (a 1 MB file unpacking to 260 MB froze the main process for 40 s and took 1.2 GB).
 */
export const MAX_XLSX_UNPACKED_MB = 150;

export const IMPORT_PICK = { filterName: 'table', extensions: ['csv', 'txt', 'xlsx'], multiple: false } as const;

const table = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  rowNumbers: z.array(z.number().int().positive()),
  totalRows: z.number().int().nonnegative(),
  truncated: z.boolean(),
});

export const IMPORT_REFUSALS = ['too_large', 'empty', 'not_table', 'corrupt', 'old_excel', 'no_sheet', 'too_many_columns', 'unreadable', 'expired', 'unpacked_too_large'] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];

const opened = z.discriminatedUnion('status', [
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('refused'), reason: z.enum(IMPORT_REFUSALS), fileName: z.string(), limitMb: z.number() }),
  z.object({
    status: z.literal('parsed'),
    fileId: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    /** CSV only: how the text was decoded and split. */
    encoding: z.string(),
    delimiter: z.string(),
    /** XLSX only: every sheet's name and the one read. */
    sheets: z.array(z.string()),
    sheet: z.string(),
    table,
  }),
]);

export type ImportOpenResult = z.output<typeof opened>;
export type ImportTableData = z.output<typeof table>;

export const IMPORT_CHANNELS = {
  /** Asks for a CSV or XLSX file (native open dialog) and answers its first sheet as a table of strings. */
  'import:open': { request: z.object({}).strict(), response: opened },
  /** Another sheet of the workbook the last `import:open` read. */
  'import:sheet': {
    request: z.object({ fileId: z.string().regex(/^[0-9a-f]{24}$/), sheet: z.string().min(1).max(200) }).strict(),
    response: opened,
  },
} as const;
