import type { ReportRequest } from '../../../../shared/reports/compute';
import type { ReportAnswer } from '../../data/reports/report-facts.repo';

/**
 * Page → worker. `load` reads the cases (all of them when `full`, else what changed); `compute` answers from them.
 * `dataKey` is a copy of the session's data key: the worker has no session of its own, and the case rows it reads
 * are sealed at rest (data/at-rest).
 */
export type ToWorker = { kind: 'load'; dbName: string; full: boolean; dataKey: Uint8Array | null } | { kind: 'compute'; seq: number; request: ReportRequest };

/** Worker → page. */
export type FromWorker =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'loaded'; cases: number; loadMs: number; fullRead: boolean }
  | ({ kind: 'report'; seq: number } & ReportAnswer)
  | { kind: 'error'; seq: number | null; message: string };
