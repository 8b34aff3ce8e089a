import { FactsStore } from '../../data/reports/report-facts.repo';
import { createAtRestCodec, type AtRestCodec } from '../../../../shared/crypto/at-rest';
import type { FromWorker, ToWorker } from './report-protocol';

/**
 * Reads the cases and computes reports off the page's thread: structured-cloning 100,000 case rows out of
 * IndexedDB takes seconds, far beyond a frame. The facts stay here for the whole session, so a later visit to
 * the screen reads only the cases changed since, and a new period or filter only recomputes.
 */
// The renderer is type-checked with the DOM library only; this is the slice of the worker scope used here.
const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

let codec: AtRestCodec | null = null;
const store = FactsStore.inWorker(() => codec);
const post = (message: FromWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'load') {
    if (message.dataKey) codec = createAtRestCodec(message.dataKey);
    const t0 = performance.now();
    store
      .load(message.dbName, message.full, (done, total) => post({ kind: 'progress', done, total }))
      .then(({ cases, fullRead }) => post({ kind: 'loaded', cases, fullRead, loadMs: performance.now() - t0 }))
      .catch((error: unknown) => post({ kind: 'error', seq: null, message: String(error) }));
    return;
  }
  store
    .compute(message.request)
    .then((result) => post({ kind: 'report', seq: message.seq, ...result }))
    .catch((error: unknown) => post({ kind: 'error', seq: message.seq, message: String(error) }));
};
