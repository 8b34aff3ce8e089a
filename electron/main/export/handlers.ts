import { randomBytes } from 'node:crypto';
import { MAX_EXPORT_ROWS, type ExportColumn } from '../../../shared/ipc/channels/export';
import type { HandlerTable } from '../ipc/dispatch';
import type { MainDeps } from '../main-deps';
import { createCsvBuilder, createXlsxBuilder, type TableBuilder } from './build';

interface Session {
  format: 'xlsx' | 'csv';
  fileName: string;
  columns: ExportColumn[];
  builder: TableBuilder;
  rows: number;
  touched: number;
}

/** Exports left unfinished (a closed window, a crashed page) are dropped after this long without a chunk. */
const IDLE_MS = 15 * 60_000;
const MAX_SESSIONS = 4;

type ExportHandlers = Pick<HandlerTable, 'export:begin' | 'export:rows' | 'export:finish' | 'export:cancel'>;

export function createExportHandlers(deps: Pick<MainDeps, 'now'>): ExportHandlers {
  const sessions = new Map<string, Session>();
  const clock = () => deps.now().getTime();
  const sweep = () => {
    for (const [id, s] of sessions) {
      if (clock() - s.touched > IDLE_MS) {
        s.builder.abort();
        sessions.delete(id);
      }
    }
  };
  const unknown = { status: 'refused' as const, reason: 'unknown_export' as const };

  return {
    'export:begin': async (request) => {
      sweep();
      if (sessions.size >= MAX_SESSIONS) return { status: 'refused', reason: 'too_many_exports' };
      const builder = request.format === 'csv' ? createCsvBuilder(request.columns) : await createXlsxBuilder(request.columns, request.sheetName);
      const exportId = randomBytes(12).toString('hex');
      const ext = `.${request.format}`;
      const fileName = request.fileName.toLowerCase().endsWith(ext) ? request.fileName : `${request.fileName}${ext}`;
      sessions.set(exportId, { format: request.format, fileName, columns: request.columns, builder, rows: 0, touched: clock() });
      return { status: 'started', exportId };
    },

    'export:rows': async (request) => {
      const session = sessions.get(request.exportId);
      if (!session) return unknown;
      if (request.rows.some((row) => row.length !== session.columns.length)) return { status: 'refused', reason: 'row_width' };
      if (session.rows + request.rows.length > MAX_EXPORT_ROWS) return { status: 'refused', reason: 'too_many_rows' };
      session.builder.add(request.rows);
      session.rows += request.rows.length;
      session.touched = clock();
      return { status: 'ok', received: session.rows };
    },

    'export:finish': async (request, ctx) => {
      const session = sessions.get(request.exportId);
      if (!session) return unknown;
      sessions.delete(request.exportId);
      const data = await session.builder.finish();
      const saved = await ctx.saveFile({
        defaultName: session.fileName,
        data,
        filterName: session.format === 'csv' ? 'csv' : 'excel',
        extensions: [session.format],
      });
      return { ...saved, rows: session.rows, bytes: saved.status === 'saved' ? data.byteLength : 0 };
    },

    'export:cancel': async (request) => {
      const session = sessions.get(request.exportId);
      session?.builder.abort();
      sessions.delete(request.exportId);
      return { status: 'canceled' };
    },
  };
}
