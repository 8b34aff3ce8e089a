import type { ReportRequest } from '../../../../shared/reports/compute';
import type { ReportAnswer } from './gather';

/** Page → worker. `load` (re)reads the cases; `compute` answers from the facts last read. */
export type ToWorker = { kind: 'load'; dbName: string } | { kind: 'compute'; seq: number; request: ReportRequest };

/** Worker → page. */
export type FromWorker =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'loaded'; cases: number; loadMs: number }
  | ({ kind: 'report'; seq: number } & ReportAnswer)
  | { kind: 'error'; seq: number | null; message: string };
