import { Worker } from 'node:worker_threads';
import type { XlsxResult } from './xlsx';

export type XlsxParser = (bytes: Uint8Array, sheet?: string) => Promise<XlsxResult>;

export interface XlsxThreadOptions {
  /** Heap of the parsing thread; a workbook that lies about its size runs out of it and is refused. */
  maxHeapMb?: number;
  /** A parse that takes longer is stopped and refused. */
  timeoutMs?: number;
}

/**
 * Parses workbooks in a worker thread of their own (the built xlsx-worker entry), so the main process's event
 * loop keeps answering while a big file is read, and a hostile one costs a bounded heap and time, then the
 * thread is ended. One thread per file: imports are rare and the thread is gone with its memory afterwards.
 */
export function xlsxInThread(entryFile: string, options: XlsxThreadOptions = {}): XlsxParser {
  const maxHeapMb = options.maxHeapMb ?? 768;
  const timeoutMs = options.timeoutMs ?? 60_000;
  return (bytes, sheet) =>
    new Promise<XlsxResult>((resolve) => {
      const worker = new Worker(entryFile, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
      let settled = false;
      const finish = (result: XlsxResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      const timer = setTimeout(() => finish({ ok: false, reason: 'unpacked_too_large' }), timeoutMs);
      worker.once('message', (result: XlsxResult) => finish(result));
      // Out of heap (ERR_WORKER_OUT_OF_MEMORY) is what a zip that lied about its sizes ends in.
      worker.once('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: error?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'unpacked_too_large' : 'corrupt' }));
      worker.once('exit', () => finish({ ok: false, reason: 'corrupt' }));
      const copy = Uint8Array.from(bytes);
      worker.postMessage({ bytes: copy, sheet }, [copy.buffer]);
    });
}
