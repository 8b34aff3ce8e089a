import { parentPort } from 'node:worker_threads';
import { parseXlsx } from './xlsx';

/** Entry of the workbook parser's thread (out/main/xlsx-worker.js): one request, one answer, then the thread ends. */
if (!parentPort) throw new Error('xlsx worker started outside a worker thread');
const port = parentPort;
port.once('message', (request: { bytes: Uint8Array; sheet?: string }) => {
  void parseXlsx(request.bytes, request.sheet).then((result) => port.postMessage(result));
});
