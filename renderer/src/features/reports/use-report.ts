import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilterOptions, Report, ReportRequest } from '../../../../shared/reports/compute';
import { appDbName } from '../../data/app-db';
import { FactsStore } from '../../data/reports/report-facts.repo';
import { dataKeyBytes } from '../../lib/session';
import type { FromWorker, ToWorker } from './report-protocol';

type Inner =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready'; report: Report; options: FilterOptions; key: string }
  | { phase: 'failed' };

export type ReportState =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready'; report: Report | null; options: FilterOptions; computing: boolean }
  | { phase: 'failed' };

type Listener = (message: FromWorker) => void;

/** The same protocol on the page's thread, for when a worker cannot start. */
function pageEngine(deliver: Listener): (message: ToWorker) => void {
  const store = new FactsStore();
  return (message) => {
    if (message.kind === 'load') {
      const t0 = performance.now();
      store
        .load(message.dbName, message.full, (done, total) => deliver({ kind: 'progress', done, total }))
        .then(({ cases, fullRead }) => deliver({ kind: 'loaded', cases, fullRead, loadMs: performance.now() - t0 }))
        .catch((error: unknown) => deliver({ kind: 'error', seq: null, message: String(error) }));
      return;
    }
    store
      .compute(message.request)
      .then((result) => deliver({ kind: 'report', seq: message.seq, ...result }))
      .catch((error: unknown) => deliver({ kind: 'error', seq: message.seq, message: String(error) }));
  };
}

/**
 * One report worker for the session: it keeps the facts between visits to the screen, so coming back reads only
 * the cases changed since. Messages go to whichever screen listens now. A worker that fails before saying
 * anything (its script refused or missing) is replaced by the page doing the same work, and what was asked of
 * it is asked again.
 */
const engine = (() => {
  let listener: Listener | null = null;
  let heard = false;
  const sent: ToWorker[] = [];
  const deliver: Listener = (message) => listener?.(message);
  let send: (message: ToWorker) => void = (message) => {
    try {
      const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
      const fallBack = () => {
        worker.terminate();
        send = pageEngine(deliver);
        for (const m of sent.splice(0)) send(m);
      };
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        heard = true;
        sent.length = 0;
        deliver(event.data);
      };
      worker.onerror = () => {
        if (!heard) fallBack();
        else deliver({ kind: 'error', seq: null, message: 'worker failed' });
      };
      send = (m) => {
        if (!heard) sent.push(m);
        worker.postMessage(m);
      };
    } catch {
      send = pageEngine(deliver);
    }
    send(message);
  };
  return {
    send: (message: ToWorker) => send(message),
    listen(next: Listener): () => void {
      listener = next;
      return () => {
        if (listener === next) listener = null;
      };
    },
  };
})();

let seqCounter = 0;

/**
 * The report for `request` (null while the period is invalid). Each visit brings the facts up to date (all cases
 * the first time, then only the changed ones; everything again on `reload`); each change of period or filter
 * only recomputes. The first report of a visit is marked in the performance timeline (`aryz:report-ready`, with
 * the read and compute times) for the benchmark.
 */
export function useReport(request: ReportRequest | null): { state: ReportState; reload: () => void } {
  const [inner, setInner] = useState<Inner>({ phase: 'loading', done: 0, total: 0 });
  const seq = useRef(0);
  const keys = useRef(new Map<number, string>());
  const loaded = useRef<{ loadMs: number; fullRead: boolean }>({ loadMs: 0, fullRead: true });
  const marked = useRef(false);
  const latest = useRef<ReportRequest | null>(null);

  const compute = useCallback((current: ReportRequest | null) => {
    if (!current) return;
    seq.current = ++seqCounter;
    keys.current.set(seq.current, JSON.stringify(current));
    engine.send({ kind: 'compute', seq: seq.current, request: current });
  }, []);

  useEffect(() => {
    const stop = engine.listen((message) => {
      switch (message.kind) {
        case 'progress':
          setInner((s) => (s.phase === 'loading' ? { phase: 'loading', done: message.done, total: message.total } : s));
          break;
        case 'loaded':
          loaded.current = { loadMs: message.loadMs, fullRead: message.fullRead };
          break;
        case 'report': {
          if (message.seq !== seq.current) return; // an answer to a request already replaced
          setInner({ phase: 'ready', report: message.report, options: message.options, key: keys.current.get(message.seq) ?? '' });
          keys.current.clear();
          if (!marked.current) {
            marked.current = true;
            performance.mark('aryz:report-ready', { detail: { ...loaded.current, computeMs: message.computeMs, cases: message.report.casesCounted } });
          }
          break;
        }
        case 'error':
          if (message.seq === null || message.seq === seq.current) setInner({ phase: 'failed' });
          break;
      }
    });
    // The request effect below runs next and asks for the first report.
    engine.send({ kind: 'load', dbName: appDbName(), full: false, dataKey: dataKeyBytes()?.slice() ?? null });
    return stop;
  }, []);

  useEffect(() => {
    latest.current = request;
    compute(request);
  }, [request, compute]);

  const reload = useCallback(() => {
    setInner({ phase: 'loading', done: 0, total: 0 });
    engine.send({ kind: 'load', dbName: appDbName(), full: true, dataKey: dataKeyBytes()?.slice() ?? null });
    compute(latest.current);
  }, [compute]);

  const key = request ? JSON.stringify(request) : null;
  const state: ReportState =
    inner.phase !== 'ready'
      ? inner
      : { phase: 'ready', report: key === null ? null : inner.report, options: inner.options, computing: key !== null && key !== inner.key };
  return { state, reload };
}
