import { computeReport, filterOptions, type FilterOptions, type Report, type ReportRequest } from '../../../../shared/reports/compute';
import { factsFromCase, type CaseFacts } from '../../../../shared/reports/facts';
import type { AryzDb, CaseRow } from '../../db/db';

/** Rows per read: large enough that IndexedDB's per-request cost vanishes, small enough to report progress often. */
const CHUNK = 4000;

/**
 * Every case reduced to its report facts, read in primary-key chunks (one getAll each) so the whole rows never
 * pile up in memory: at 100,000 cases the facts are a few MB, the rows several hundred.
 */
export async function loadReportFacts(db: AryzDb, onProgress: (done: number, total: number) => void = () => undefined): Promise<CaseFacts[]> {
  const total = await db.cases.count();
  const facts: CaseFacts[] = [];
  onProgress(0, total);
  let last: string | null = null;
  for (;;) {
    const rows: CaseRow[] = await (last === null ? db.cases.orderBy(':id') : db.cases.where(':id').above(last)).limit(CHUNK).toArray();
    if (rows.length === 0) break;
    for (const row of rows) facts.push(factsFromCase(row));
    last = rows[rows.length - 1]!.id;
    onProgress(facts.length, Math.max(total, facts.length));
  }
  return facts;
}

export interface ReportAnswer {
  report: Report;
  options: FilterOptions;
  /** Time spent in computeReport alone. */
  computeMs: number;
}

export function answer(facts: readonly CaseFacts[], request: ReportRequest, options: FilterOptions): ReportAnswer {
  const t0 = performance.now();
  const report = computeReport(facts, request);
  return { report, options, computeMs: performance.now() - t0 };
}

export { filterOptions };
