import { z } from 'zod';
import { suggestedFileName } from '../file-name';

/** Rows per `export:rows` call: the page sends a large list in chunks and shows progress between them. */
export const EXPORT_CHUNK_ROWS = 2000;
/** One sheet holds at most 1,048,576 rows in Excel; a bit below that with the header. */
export const MAX_EXPORT_ROWS = 1_000_000;
export const MAX_EXPORT_COLUMNS = 60;
const MAX_CELL_CHARS = 32_000;

const fileName = suggestedFileName();

export const exportColumnSchema = z
  .object({
    header: z.string().max(200),
    /** `date` cells are ISO dates (yyyy-mm-dd), written as real dates shown dd.mm.yyyy; other text stays text. */
    kind: z.enum(['text', 'date', 'number']),
    width: z.number().int().min(4).max(100),
  })
  .strict();

export type ExportColumn = z.output<typeof exportColumnSchema>;
export type ExportCell = string | number | null;

const exportId = z.string().regex(/^[0-9a-f]{24}$/);
const refused = z.object({ status: z.literal('refused'), reason: z.enum(['unknown_export', 'too_many_rows', 'row_width', 'too_many_exports']) });

export const EXPORT_CHANNELS = {
  /** Starts an export: main keeps the rows that follow and builds the file on finish. */
  'export:begin': {
    request: z
      .object({
        format: z.enum(['xlsx', 'csv']),
        fileName,
        sheetName: z.string().trim().min(1).max(31).refine((s) => !/[\\/?*[\]:]/.test(s)),
        columns: z.array(exportColumnSchema).min(1).max(MAX_EXPORT_COLUMNS),
      })
      .strict(),
    response: z.union([z.object({ status: z.literal('started'), exportId: z.string() }), refused]),
  },
  'export:rows': {
    request: z
      .object({
        exportId,
        rows: z.array(z.array(z.union([z.string().max(MAX_CELL_CHARS), z.number().finite(), z.null()])).max(MAX_EXPORT_COLUMNS)).max(EXPORT_CHUNK_ROWS),
      })
      .strict(),
    response: z.union([z.object({ status: z.literal('ok'), received: z.number().int().nonnegative() }), refused]),
    // A chunk of long rows is a few megabytes of JSON.
    maxPayloadChars: 16_000_000,
  },
  /** Builds the file and asks where to save it (a download in browser mode). */
  'export:finish': {
    request: z.object({ exportId }).strict(),
    response: z.union([
      z.object({ status: z.enum(['saved', 'canceled']), fileName: z.string(), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
      refused,
    ]),
  },
  'export:cancel': {
    request: z.object({ exportId }).strict(),
    response: z.object({ status: z.literal('canceled') }),
  },
} as const;
