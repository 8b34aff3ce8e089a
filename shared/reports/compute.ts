import type { CaseStatus } from '../case/schema';
import type { CaseFacts } from './facts';
import { distribution, quantileSorted, type Distribution } from './stats';

/**
 * The mission's report for the ministry, computed from compact case facts (./facts). Pure: the same facts and
 * request always give the same report, whatever machine or thread runs it.
 *
 * Counting rules (each one is what a caseworker counting by hand from the status histories would do):
 * - opened: the case's intake day (its first status entry) falls in the month;
 * - excluded / refused / left Russia / closed: the case moved INTO that status in the month (from any other
 *   status; a history that starts in it counts too). A case that does it twice in one month counts once for
 *   that month; a case excluded, reopened and excluded again in a later month counts in both months;
 * - reopened: the case moved from one of those four final statuses back to a working status;
 * - open at month end: taken in on or before the month's last day and, by that day's last change, in a working
 *   status (not excluded, refused, left Russia or closed) — a reopened case is open again;
 * - days to exclusion: for each case whose first move into «excluded» within the period is found, the days
 *   from its intake to that day; median and quartiles by linear interpolation (Excel's QUARTILE.INC).
 * Days are the mission's local calendar days (the facts carry them so).
 */

export const FINAL_STATUSES = ['excluded', 'refused', 'left_russia', 'closed'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];
const FINAL = new Set<CaseStatus>(FINAL_STATUSES);
export const isFinal = (status: CaseStatus) => FINAL.has(status);

/** Group key for cases the caseworker has not diagnosed yet. */
export const NOT_DIAGNOSED = '';

/** A calendar month, «YYYY-MM». */
export type MonthKey = string;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const MAX_REPORT_MONTHS = 120;

export interface ReportFilters {
  missionId?: string;
  region?: string;
  caseworker?: string;
}

export interface ReportRequest {
  from: MonthKey;
  to: MonthKey;
  filters?: ReportFilters;
}

export interface Counts {
  opened: number;
  excluded: number;
  refused: number;
  left_russia: number;
  closed: number;
  reopened: number;
}

export interface MonthRow extends Counts {
  month: MonthKey;
  /** Cases open at the end of the month (the stock), against `opened` (the flow). */
  openAtEnd: number;
}

export interface GroupRow extends Counts {
  key: string;
  /** Open at the end of the period. */
  openAtEnd: number;
  /** Median days from intake to exclusion over this group's cases excluded in the period; null if none. */
  medianDaysToExclusion: number | null;
}

export interface Report {
  from: MonthKey;
  to: MonthKey;
  filters: ReportFilters;
  months: MonthRow[];
  totals: Counts & { openAtStart: number; openAtEnd: number };
  byRegion: GroupRow[];
  byCause: GroupRow[];
  byMission: GroupRow[];
  byCaseworker: GroupRow[];
  daysToExclusion: Distribution | null;
  /** Cases that pass the filters and were taken in by the end of the period. */
  casesCounted: number;
  /** Of those, how many had no status history (dated from createdAt / updatedAt instead). */
  casesReconstructed: number;
}

export function parseMonth(key: MonthKey): { year: number; month: number } {
  const m = MONTH_PATTERN.exec(key);
  if (!m) throw new RangeError(`Not a month: ${key}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

const monthIndex = (key: MonthKey) => {
  const { year, month } = parseMonth(key);
  return year * 12 + month - 1;
};
const monthKeyOf = (index: number): MonthKey => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
const MS_PER_DAY = 86_400_000;
const firstDayOf = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1) / MS_PER_DAY;
const lastDayOf = (index: number) => firstDayOf(index + 1) - 1;

/** The month (as a month index) a day number falls in. */
function monthOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The `count` months ending with the month of `today` (ISO date), oldest first: the default period. */
export function lastMonths(today: string, count = 12): { from: MonthKey; to: MonthKey } {
  const to = monthIndex(today.slice(0, 7));
  return { from: monthKeyOf(to - count + 1), to: monthKeyOf(to) };
}

/** Every month of the period, oldest first. */
export function monthsOf(from: MonthKey, to: MonthKey): MonthKey[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => monthKeyOf(a + i));
}

export function checkPeriod(from: MonthKey, to: MonthKey): 'ok' | 'invalid' | 'reversed' | 'too_long' {
  if (!MONTH_PATTERN.test(from) || !MONTH_PATTERN.test(to)) return 'invalid';
  const length = monthIndex(to) - monthIndex(from) + 1;
  if (length < 1) return 'reversed';
  return length > MAX_REPORT_MONTHS ? 'too_long' : 'ok';
}

const zeroCounts = (): Counts => ({ opened: 0, excluded: 0, refused: 0, left_russia: 0, closed: 0, reopened: 0 });

type Kind = keyof Counts;
const KIND_INDEX: Record<Kind, number> = { opened: 0, excluded: 1, refused: 2, left_russia: 3, closed: 4, reopened: 5 };
const KINDS = Object.keys(KIND_INDEX) as Kind[];

interface GroupAcc {
  counts: Counts;
  openAtEnd: number;
  days: number[];
}

function groupAcc(map: Map<string, GroupAcc>, key: string): GroupAcc {
  let acc = map.get(key);
  if (!acc) {
    acc = { counts: zeroCounts(), openAtEnd: 0, days: [] };
    map.set(key, acc);
  }
  return acc;
}

function groupRows(map: Map<string, GroupAcc>): GroupRow[] {
  const rows: GroupRow[] = [];
  for (const [key, acc] of map) {
    const c = acc.counts;
    if (KINDS.every((k) => c[k] === 0) && acc.openAtEnd === 0) continue;
    const sorted = acc.days.sort((a, b) => a - b);
    rows.push({ key, ...c, openAtEnd: acc.openAtEnd, medianDaysToExclusion: sorted.length > 0 ? quantileSorted(sorted, 0.5) : null });
  }
  // Largest first by new cases, then by stock; ties in a stable, locale-independent order.
  return rows.sort((a, b) => b.opened - a.opened || b.openAtEnd - a.openAtEnd || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function passes(facts: CaseFacts, filters: ReportFilters): boolean {
  return (
    (filters.missionId === undefined || facts.missionId === filters.missionId) &&
    (filters.region === undefined || facts.region === filters.region) &&
    (filters.caseworker === undefined || facts.caseworker === filters.caseworker)
  );
}

export function computeReport(all: Iterable<CaseFacts>, request: ReportRequest): Report {
  const check = checkPeriod(request.from, request.to);
  if (check !== 'ok') throw new RangeError(`Bad report period ${request.from} … ${request.to}: ${check}`);
  const filters = request.filters ?? {};
  const first = monthIndex(request.from);
  const last = monthIndex(request.to);
  const monthCount = last - first + 1;
  const ends = Array.from({ length: monthCount }, (_, i) => lastDayOf(first + i));
  const periodStart = firstDayOf(first);
  const periodEnd = ends[monthCount - 1]!;

  // Counts per month in one flat array: [month][kind].
  const monthly = new Int32Array(monthCount * KINDS.length);
  const stock = new Int32Array(monthCount);
  let openAtStart = 0;
  let casesCounted = 0;
  let casesReconstructed = 0;
  const exclusionDays: number[] = [];
  const groups = { region: new Map<string, GroupAcc>(), cause: new Map<string, GroupAcc>(), mission: new Map<string, GroupAcc>(), caseworker: new Map<string, GroupAcc>() };
  // Per case: which (kind, month) were already counted, so one case counts once per kind and month.
  const lastCounted = new Int32Array(KINDS.length);
  const caseCounts = zeroCounts();

  for (const facts of all) {
    const events = facts.events;
    if (events.length === 0 || !passes(facts, filters)) continue;
    const intakeDay = events[0]!.day;
    if (intakeDay > periodEnd) continue;
    casesCounted++;
    if (facts.reconstructed) casesReconstructed++;

    lastCounted.fill(-1);
    for (const k of KINDS) caseCounts[k] = 0;
    let firstExclusion: number | null = null;
    let prev: CaseStatus | null = null;
    for (let i = 0; i < events.length; i++) {
      const { day, status } = events[i]!;
      let kind: Kind | null = null;
      let also: Kind | null = null;
      if (i === 0) {
        kind = 'opened';
        if (isFinal(status)) also = status as FinalStatus;
      } else if (status !== prev && isFinal(status)) {
        kind = status as FinalStatus;
      } else if (prev !== null && isFinal(prev) && !isFinal(status)) {
        kind = 'reopened';
      }
      prev = status;
      if (day < periodStart || day > periodEnd) continue;
      const month = monthOfDay(day) - first;
      for (const k of [kind, also]) {
        if (k === null) continue;
        const ki = KIND_INDEX[k];
        if (lastCounted[ki] === month) continue;
        lastCounted[ki] = month;
        monthly[month * KINDS.length + ki]!++;
        caseCounts[k]++;
        if (k === 'excluded' && firstExclusion === null) firstExclusion = day - intakeDay;
      }
    }

    // Status at the end of the month before the period, then at each month end.
    let j = 0;
    while (j < events.length && events[j]!.day < periodStart) j++;
    if (j > 0 && !isFinal(events[j - 1]!.status)) openAtStart++;
    let openAtEnd = false;
    for (let m = 0; m < monthCount; m++) {
      while (j < events.length && events[j]!.day <= ends[m]!) j++;
      openAtEnd = j > 0 && !isFinal(events[j - 1]!.status);
      if (openAtEnd) stock[m]!++;
    }

    if (firstExclusion !== null) exclusionDays.push(firstExclusion);
    const keys: Array<[Map<string, GroupAcc>, string]> = [
      [groups.region, facts.region],
      [groups.cause, facts.causeId ?? NOT_DIAGNOSED],
      [groups.mission, facts.missionId],
      [groups.caseworker, facts.caseworker],
    ];
    for (const [map, key] of keys) {
      const acc = groupAcc(map, key);
      for (const k of KINDS) acc.counts[k] += caseCounts[k];
      if (openAtEnd) acc.openAtEnd++;
      if (firstExclusion !== null) acc.days.push(firstExclusion);
    }
  }

  const months: MonthRow[] = Array.from({ length: monthCount }, (_, m) => {
    const row = { month: monthKeyOf(first + m), ...zeroCounts(), openAtEnd: stock[m]! };
    for (const k of KINDS) row[k] = monthly[m * KINDS.length + KIND_INDEX[k]]!;
    return row;
  });
  const totals = { ...zeroCounts(), openAtStart, openAtEnd: stock[monthCount - 1]! };
  for (const row of months) for (const k of KINDS) totals[k] += row[k];

  return {
    from: request.from,
    to: request.to,
    filters,
    months,
    totals,
    byRegion: groupRows(groups.region),
    byCause: groupRows(groups.cause),
    byMission: groupRows(groups.mission),
    byCaseworker: groupRows(groups.caseworker),
    daysToExclusion: distribution(exclusionDays),
    casesCounted,
    casesReconstructed,
  };
}

export interface FilterOptions {
  missionIds: string[];
  regions: string[];
  caseworkers: string[];
}

/** The values each filter can take, from every case (sorted for display). */
export function filterOptions(all: Iterable<CaseFacts>): FilterOptions {
  const missions = new Set<string>();
  const regions = new Set<string>();
  const caseworkers = new Set<string>();
  for (const f of all) {
    missions.add(f.missionId);
    regions.add(f.region);
    caseworkers.add(f.caseworker);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'ru'));
  return { missionIds: sorted(missions), regions: sorted(regions), caseworkers: sorted(caseworkers) };
}
