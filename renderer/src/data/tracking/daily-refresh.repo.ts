import { db } from '../schema';
import type { CaseRow } from '../schema';
import { caseTracking, sentItemOf } from './case-tracking';
import { localTodayIso } from '../../lib/date-time';
import { documentRegimes } from '../../../../shared/reference/lookup';

/** Cases recomputed per transaction, with a pause for the page in between. */
const CHUNK = 250;

export interface RefreshReport {
  checked: number;
  changed: number;
}

const TRACKING_FIELDS = ['nextDeadline', 'nextDeadlineClock', 'nextCheck', 'actions'] as const;
const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);

function groupByCase<T extends { caseId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.caseId);
    if (list) list.push(row);
    else map.set(row.caseId, [row]);
  }
  return map;
}

/**
 * A case's deadline fields are computed when it is written, against that day. Some depend on the day
 * itself — a stay whose exit date has passed no longer runs its EAEU clocks, a planned entry becomes the
 * current stay — so once a day every case is recomputed, a slice per transaction with the slice's requests
 * and checks read together. Only the three derived fields are rewritten, and only when they changed: this
 * is not an edit (updatedAt and the audit log stay as they were).
 */
export async function refreshDeadlines(now = new Date()): Promise<RefreshReport> {
  const today = localTodayIso(now);
  const reference = (await db().referenceVersions.orderBy('version').last())?.bundle;
  const calendar = reference?.calendar ?? [];
  const regimes = documentRegimes(reference);
  let checked = 0;
  let changed = 0;
  let last: string | null = null;
  for (;;) {
    const after: string | null = last;
    const done = await db().transaction('rw', [db().cases, db().persons, db().requests, db().checks, db().appeals], async () => {
      const rows = await (after === null ? db().cases.orderBy(':id') : db().cases.where(':id').above(after)).limit(CHUNK).toArray();
      if (rows.length === 0) return true;
      const ids = rows.map((r) => r.id);
      const [persons, requests, checks, appeals] = await Promise.all([
        db().persons.bulkGet(rows.map((r) => r.personId)),
        db().requests.where('caseId').anyOf(ids).toArray(),
        db().checks.where('caseId').anyOf(ids).toArray(),
        db().appeals.where('caseId').anyOf(ids).toArray(),
      ]);
      const appealsOf = groupByCase(appeals);
      const requestsOf = groupByCase(requests);
      const checksOf = groupByCase(checks);
      for (const [i, row] of rows.entries()) {
        const person = persons[i];
        if (!person) continue;
        const next = caseTracking(row, person, {
          requests: (requestsOf.get(row.id) ?? []).map(sentItemOf),
          checks: checksOf.get(row.id) ?? [],
          calendar,
          today,
          regimes,
          appeals: appealsOf.get(row.id) ?? [],
        });
        if (TRACKING_FIELDS.every((field) => sameValue(next[field], row[field]))) continue;
        await db().cases.update(row.id, next satisfies Partial<CaseRow>);
        changed++;
      }
      checked += rows.length;
      last = rows[rows.length - 1]!.id;
      return rows.length < CHUNK;
    });
    if (done) break;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return { checked, changed };
}

const LAST_RUN_KEY = 'aryz.deadlinesRefreshedOn';
/**
 * Bumped whenever the derived fields' formula changes (2: the queue's `actions`), so the next start
 * recomputes every case that day even if the refresh already ran.
 */
const FORMULA_VERSION = 2;
const runMarker = (today: string) => `${today}#${FORMULA_VERSION}`;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the refresh once per calendar day: shortly after start (not competing with the first screen) and,
 * for an app left open overnight, on the first hourly check after midnight. The day of the last run is a
 * cache marker only, so it lives in localStorage rather than in the case database.
 */
export function scheduleDailyRefresh(delayMs = 10_000): () => void {
  let running = false;
  const runIfDue = () => {
    const today = localTodayIso();
    if (running || localStorage.getItem(LAST_RUN_KEY) === runMarker(today)) return;
    running = true;
    refreshDeadlines()
      .then(() => localStorage.setItem(LAST_RUN_KEY, runMarker(today)))
      .catch((error: unknown) => console.warn('deadline refresh:', error))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(runIfDue, delayMs);
  const hourly = setInterval(runIfDue, CHECK_EVERY_MS);
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
