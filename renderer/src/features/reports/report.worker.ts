import { AryzDb } from '../../db/db';
import type { CaseFacts } from '../../../../shared/reports/facts';
import { answer, filterOptions, loadReportFacts } from './gather';
import type { FromWorker, ToWorker } from './report-protocol';

/**
 * Reads the cases and computes reports off the page's thread: structured-cloning 100,000 case rows out of
 * IndexedDB alone takes longer than a frame budget many times over. The facts stay here between requests,
 * so changing the period or a filter only recomputes.
 */
// The renderer is type-checked with the DOM library only; this is the slice of the worker scope used here.
const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

let facts: Promise<{ list: CaseFacts[]; options: ReturnType<typeof filterOptions> }> | null = null;
const post = (message: FromWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'load') {
    const t0 = performance.now();
    const db = new AryzDb(message.dbName);
    facts = loadReportFacts(db, (done, total) => post({ kind: 'progress', done, total }))
      .then((list) => {
        post({ kind: 'loaded', cases: list.length, loadMs: performance.now() - t0 });
        return { list, options: filterOptions(list) };
      })
      .finally(() => db.close());
    facts.catch((error: unknown) => post({ kind: 'error', seq: null, message: String(error) }));
    return;
  }
  const pending = facts;
  if (!pending) {
    post({ kind: 'error', seq: message.seq, message: 'compute before load' });
    return;
  }
  pending
    .then(({ list, options }) => post({ kind: 'report', seq: message.seq, ...answer(list, message.request, options) }))
    .catch((error: unknown) => post({ kind: 'error', seq: message.seq, message: String(error) }));
};
