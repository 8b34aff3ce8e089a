import { computeReport, filterOptions, type FilterOptions, type Report, type ReportRequest } from '../../../../shared/reports/compute';
import { factsFromCase, type CaseFacts } from '../../../../shared/reports/facts';
import type { AtRestCodec } from '../../../../shared/crypto/at-rest';
import { AryzDb, db, type CaseRow } from '../schema';

/** Rows per read: large enough that IndexedDB's per-request cost vanishes, small enough to report progress often. */
const CHUNK = 4000;

/** Every case's report facts by case id, and the latest `updatedAt` among the rows they were read from. */
export interface FactsSnapshot {
  byId: Map<string, CaseFacts>;
  watermark: string;
}

/** Chunk reads in flight at once: the database reads the next chunk while this thread turns the last into facts. */
const IN_FLIGHT = 2;

/**
 * Every case reduced to its report facts. The ids come first (keys only, cheap); then the rows are read in id
 * ranges of CHUNK (one getAll each), two at a time, so the whole rows never pile up in memory: at 100,000 cases
 * the facts are a few dozen MB, the rows several hundred.
 */
export async function readAllFacts(connection: AryzDb, onProgress: (done: number, total: number) => void = () => undefined): Promise<FactsSnapshot> {
  const ids = (await connection.cases.toCollection().primaryKeys()) as string[];
  const total = ids.length;
  const byId = new Map<string, CaseFacts>();
  let watermark = '';
  onProgress(0, total);
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i < total; i += CHUNK) ranges.push([ids[i]!, ids[Math.min(i + CHUNK, total) - 1]!]);
  const read = ([lo, hi]: [string, string]): Promise<CaseRow[]> => {
    const rows = connection.cases.where(':id').between(lo, hi, true, true).toArray();
    rows.catch(() => undefined); // a read ahead that fails is reported when awaited, not as an unhandled rejection
    return rows;
  };
  const pending = ranges.slice(0, IN_FLIGHT).map(read);
  for (let next = IN_FLIGHT, r = 0; r < ranges.length; r++, next++) {
    const rows = await pending[r]!;
    if (next < ranges.length) pending.push(read(ranges[next]!));
    for (const row of rows) {
      byId.set(row.id, factsFromCase(row));
      if (row.updatedAt > watermark) watermark = row.updatedAt;
    }
    onProgress(byId.size, Math.max(total, byId.size));
  }
  return { byId, watermark };
}

/**
 * Brings facts read earlier up to date by reading only the cases changed since (the `updatedAt` index; every
 * write of a case moves it). Answers false when that cannot be trusted — cases were deleted, or some appeared
 * without a newer `updatedAt` (a restore, a transfer keeping its source's dates) — and the caller reads all again.
 */
export async function refreshFacts(connection: AryzDb, snapshot: FactsSnapshot): Promise<boolean> {
  const [total, changed] = await Promise.all([connection.cases.count(), connection.cases.where('updatedAt').aboveOrEqual(snapshot.watermark).toArray()]);
  for (const row of changed) {
    snapshot.byId.set(row.id, factsFromCase(row));
    if (row.updatedAt > snapshot.watermark) snapshot.watermark = row.updatedAt;
  }
  return snapshot.byId.size === total;
}

/** Every case's facts as a list (tests, and callers that read once). */
export async function loadReportFacts(onProgress?: (done: number, total: number) => void): Promise<CaseFacts[]> {
  return [...(await readAllFacts(db(), onProgress)).byId.values()];
}

export interface ReportAnswer {
  report: Report;
  options: FilterOptions;
  /** Time spent in computeReport alone. */
  computeMs: number;
}

export function answer(facts: Iterable<CaseFacts>, request: ReportRequest, options: FilterOptions): ReportAnswer {
  const t0 = performance.now();
  const report = computeReport(facts, request);
  return { report, options, computeMs: performance.now() - t0 };
}

/**
 * The facts one thread keeps between visits to the reports screen: read in full the first time (or when asked,
 * or when another database is open), then refreshed with only what changed. Loads and computes run one after
 * another, in the order asked.
 */
export class FactsStore {
  private snapshot: (FactsSnapshot & { dbName: string; options: FilterOptions }) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `open` connects to the database by name: the page's own connection, or the report worker's (another thread,
   * so another connection, unsealing with the key it was handed).
   */
  constructor(private readonly open: (dbName: string) => AryzDb = (name) => new AryzDb(name)) {}

  /** A store for the report worker: its connections unseal with the codec `codecOf` answers. */
  static inWorker(codecOf: () => AtRestCodec | null): FactsStore {
    return new FactsStore((name) => new AryzDb(name, undefined, codecOf));
  }

  /** Reads (all, or what changed); reports progress only for a full read. Resolves with the number of cases. */
  load(dbName: string, full: boolean, onProgress: (done: number, total: number) => void): Promise<{ cases: number; fullRead: boolean }> {
    const run = async () => {
      const connection = this.open(dbName);
      try {
        const current = this.snapshot;
        let fullRead = full || current === null || current.dbName !== dbName;
        if (!fullRead && current && !(await refreshFacts(connection, current))) fullRead = true;
        if (fullRead) {
          this.snapshot = null; // free the old facts before reading the new
          const read = await readAllFacts(connection, onProgress);
          this.snapshot = { ...read, dbName, options: filterOptions(read.byId.values()) };
        } else if (current) {
          current.options = filterOptions(current.byId.values());
        }
        return { cases: this.snapshot!.byId.size, fullRead };
      } finally {
        connection.close();
      }
    };
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  compute(request: ReportRequest): Promise<ReportAnswer> {
    const run = async () => {
      if (!this.snapshot) throw new Error('compute before load');
      return answer(this.snapshot.byId.values(), request, this.snapshot.options);
    };
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

export { filterOptions };
