import { EXPORT_CHUNK_ROWS, type ExportCell, type ExportColumn } from '../../../../shared/ipc/channels/export';
import type { AryzApi } from '../../../../shared/ipc/contract';
import type { IpcError } from '../../../../shared/ipc/result';

/** Where an export's rows come from: a count and pages in order, read only as they are sent. */
export interface RowSource {
  total: number;
  page(offset: number, limit: number): Promise<ExportCell[][]>;
}

export interface ExportSpec {
  format: 'xlsx' | 'csv';
  fileName: string;
  sheetName: string;
  columns: ExportColumn[];
}

export type ExportOutcome =
  | { status: 'saved' | 'canceled'; fileName: string; rows: number }
  | { status: 'stopped' }
  | { status: 'refused'; reason: string }
  | { status: 'failed'; error: IpcError };

type ExportApi = Pick<AryzApi, 'beginExport' | 'sendExportRows' | 'finishExport' | 'cancelExport'>;

/**
 * Streams a table to main in chunks: reads one page from the database, sends it, reports progress, and
 * yields to the page between chunks, so 100,000 rows never sit in one message nor freeze the window.
 * `shouldStop` is asked between chunks; a stopped export is dropped by main and nothing is saved.
 */
export async function runExport(
  api: ExportApi,
  spec: ExportSpec,
  source: RowSource,
  options: { onProgress?: (done: number, total: number) => void; shouldStop?: () => boolean; chunk?: number } = {},
): Promise<ExportOutcome> {
  const chunk = Math.min(EXPORT_CHUNK_ROWS, options.chunk ?? EXPORT_CHUNK_ROWS);
  const begun = await api.beginExport(spec);
  if (!begun.ok) return { status: 'failed', error: begun.error };
  if (begun.value.status === 'refused') return { status: 'refused', reason: begun.value.reason };
  const exportId = begun.value.exportId;
  let sent = 0;
  try {
    options.onProgress?.(0, source.total);
    while (sent < source.total) {
      if (options.shouldStop?.()) {
        await api.cancelExport({ exportId });
        return { status: 'stopped' };
      }
      const rows = await source.page(sent, chunk);
      if (rows.length === 0) break;
      const answer = await api.sendExportRows({ exportId, rows });
      if (!answer.ok) {
        await api.cancelExport({ exportId });
        return { status: 'failed', error: answer.error };
      }
      if (answer.value.status === 'refused') return { status: 'refused', reason: answer.value.reason };
      sent += rows.length;
      options.onProgress?.(sent, source.total);
    }
    const finished = await api.finishExport({ exportId });
    if (!finished.ok) return { status: 'failed', error: finished.error };
    if (finished.value.status === 'refused') return { status: 'refused', reason: finished.value.reason };
    return { status: finished.value.status, fileName: finished.value.fileName, rows: finished.value.rows };
  } catch (error) {
    await api.cancelExport({ exportId }).catch(() => undefined);
    throw error;
  }
}
