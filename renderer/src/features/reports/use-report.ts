import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilterOptions, Report, ReportRequest } from '../../../../shared/reports/compute';
import type { CaseFacts } from '../../../../shared/reports/facts';
import { db } from '../../db/db';
import { answer, filterOptions, loadReportFacts } from './gather';
import type { FromWorker, ToWorker } from './report-protocol';

type Inner =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready'; report: Report; options: FilterOptions; key: string }
  | { phase: 'failed' };

export type ReportState =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready'; report: Report | null; options: FilterOptions; computing: boolean }
  | { phase: 'failed' };

/** Where the work happens: a worker normally; the page itself only if workers cannot start. */
interface Engine {
  send(message: ToWorker): void;
  close(): void;
}

function workerEngine(onMessage: (message: FromWorker) => void): Engine {
  const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
  worker.onerror = () => onMessage({ kind: 'error', seq: null, message: 'worker failed' });
  return { send: (message) => worker.postMessage(message), close: () => worker.terminate() };
}

/** The same protocol on the page's thread, yielding between chunks (reading is async anyway). */
function pageEngine(onMessage: (message: FromWorker) => void): Engine {
  let facts: Promise<{ list: CaseFacts[]; options: FilterOptions }> | null = null;
  let closed = false;
  const post = (message: FromWorker) => {
    if (!closed) onMessage(message);
  };
  return {
    send(message) {
      if (message.kind === 'load') {
        const t0 = performance.now();
        facts = loadReportFacts(db(), (done, total) => post({ kind: 'progress', done, total })).then((list) => {
          post({ kind: 'loaded', cases: list.length, loadMs: performance.now() - t0 });
          return { list, options: filterOptions(list) };
        });
        facts.catch((error: unknown) => post({ kind: 'error', seq: null, message: String(error) }));
        return;
      }
      void facts
        ?.then(({ list, options }) => post({ kind: 'report', seq: message.seq, ...answer(list, message.request, options) }))
        .catch((error: unknown) => post({ kind: 'error', seq: message.seq, message: String(error) }));
    },
    close() {
      closed = true;
    },
  };
}

/**
 * The report for `request` (null while the period is invalid): the cases are read once per visit (and on
 * `reload`), each change of period or filter only recomputes. The first report is marked in the performance
 * timeline (`aryz:report-ready`, with the read and compute times) for the benchmark.
 */
export function useReport(request: ReportRequest | null): { state: ReportState; reload: () => void } {
  const [inner, setInner] = useState<Inner>({ phase: 'loading', done: 0, total: 0 });
  const engine = useRef<Engine | null>(null);
  const seq = useRef(0);
  const keys = useRef(new Map<number, string>());
  const loadMs = useRef(0);
  const marked = useRef(false);
  const latest = useRef<ReportRequest | null>(null);

  const compute = useCallback((current: ReportRequest | null) => {
    if (!current || !engine.current) return;
    seq.current += 1;
    keys.current.set(seq.current, JSON.stringify(current));
    engine.current.send({ kind: 'compute', seq: seq.current, request: current });
  }, []);

  useEffect(() => {
    let heard = false;
    let created: Engine;
    const onMessage = (message: FromWorker) => {
      // A worker that could not even start (its script refused or missing) says nothing before failing: do the
      // same work on the page instead of showing an error.
      if (message.kind === 'error' && message.seq === null && !heard && engine.current === created) {
        heard = true;
        created.close();
        created = pageEngine(onMessage);
        engine.current = created;
        created.send({ kind: 'load', dbName: db().name });
        compute(latest.current);
        return;
      }
      heard = true;
      switch (message.kind) {
        case 'progress':
          setInner((s) => (s.phase === 'loading' ? { phase: 'loading', done: message.done, total: message.total } : s));
          break;
        case 'loaded':
          loadMs.current = message.loadMs;
          break;
        case 'report': {
          if (message.seq !== seq.current) return; // an answer to a request already replaced
          setInner({ phase: 'ready', report: message.report, options: message.options, key: keys.current.get(message.seq) ?? '' });
          keys.current.clear();
          if (!marked.current) {
            marked.current = true;
            performance.mark('aryz:report-ready', { detail: { loadMs: loadMs.current, computeMs: message.computeMs, cases: message.report.casesCounted } });
          }
          break;
        }
        case 'error':
          setInner({ phase: 'failed' });
          break;
      }
    };
    try {
      created = workerEngine(onMessage);
    } catch {
      created = pageEngine(onMessage);
    }
    engine.current = created;
    // The request effect below runs next and asks for the first report.
    created.send({ kind: 'load', dbName: db().name });
    return () => {
      created.close();
      engine.current = null;
    };
  }, [compute]);

  useEffect(() => {
    latest.current = request;
    compute(request);
  }, [request, compute]);

  const reload = useCallback(() => {
    if (!engine.current) return;
    setInner({ phase: 'loading', done: 0, total: 0 });
    engine.current.send({ kind: 'load', dbName: db().name });
    compute(latest.current);
  }, [compute]);

  const key = request ? JSON.stringify(request) : null;
  const state: ReportState =
    inner.phase !== 'ready'
      ? inner
      : { phase: 'ready', report: key === null ? null : inner.report, options: inner.options, computing: key !== null && key !== inner.key };
  return { state, reload };
}
