import { addDays, fromDayNumber, toDayNumber, validDateOrNull } from '../case/dates';
import { contractPeriod, registrationGaps, type DateGap, type DateRange } from '../case/registration-gaps';
import type { Employment, Registration, StayEntry } from '../case/schema';
import { EAEU_REGISTRATION_FREE_DAYS } from '../deadlines/clocks-eaeu';

/**
 * Days an EAEU worker was in Russia under a contract but not registered, i.e. the overstay trigger of R-1:
 * contract periods (shared/case/registration-gaps `contractPeriod`, up to today) joined, cut to the time the
 * person was in Russia (entry … exit, or today), minus the first 30 days after each entry, when a Kyrgyz
 * worker needs no registration, minus the days any registration covers.
 */

type Interval = [number, number];

function toInterval(range: DateRange): Interval {
  return [toDayNumber(range.from), toDayNumber(range.to)];
}

function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [af, at] of a) {
    for (const [bf, bt] of b) {
      const from = Math.max(af, bf);
      const to = Math.min(at, bt);
      if (from <= to) out.push([from, to]);
    }
  }
  return union(out);
}

function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  let rest = [...a];
  for (const [bf, bt] of b) {
    const next: Interval[] = [];
    for (const [f, t] of rest) {
      if (bt < f || bf > t) next.push([f, t]);
      else {
        if (f < bf) next.push([f, bf - 1]);
        if (t > bt) next.push([bt + 1, t]);
      }
    }
    rest = next;
  }
  return rest;
}

export interface StayWindow {
  stay: StayEntry;
  from: string;
  to: string;
  /** Last day of the registration-free period after this entry. */
  registrationFreeUntil: string;
}

/** The spells the person was in Russia (entry … exit, or … today), oldest first. */
export function stayWindows(stays: readonly StayEntry[], today: string): StayWindow[] {
  const out: StayWindow[] = [];
  for (const stay of stays) {
    const entry = validDateOrNull(stay.entryDate);
    if (entry === null || entry > today) continue;
    const exit = validDateOrNull(stay.exitDate);
    const to = exit !== null && exit < today ? exit : today;
    if (to < entry) continue;
    out.push({ stay, from: entry, to, registrationFreeUntil: addDays(entry, EAEU_REGISTRATION_FREE_DAYS) });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

export interface ContractGaps {
  /** Contract periods that were checked, with their employment. */
  periods: { employment: Employment; range: DateRange }[];
  /** Stays whose registration-free days were left out. */
  windows: StayWindow[];
  gaps: DateGap[];
  /** False when no entry is recorded: then the whole contract period counted as time in Russia. */
  staysKnown: boolean;
}

export function contractRegistrationGaps(
  employments: readonly Employment[],
  stays: readonly StayEntry[],
  registrations: readonly Registration[],
  today: string,
): ContractGaps {
  const periods = employments.flatMap((employment) => {
    const range = contractPeriod(employment, today);
    return range ? [{ employment, range }] : [];
  });
  const windows = stayWindows(stays, today);
  let span = union(periods.map((p) => toInterval(p.range)));
  if (windows.length > 0) {
    span = intersect(span, windows.map((w) => toInterval(w)));
    span = subtract(span, windows.map((w) => [toDayNumber(w.from), toDayNumber(w.registrationFreeUntil)] as Interval));
  }
  const gaps = span.flatMap(([from, to]) => registrationGaps({ from: fromDayNumber(from), to: fromDayNumber(to) }, registrations));
  const relevantWindows = windows.filter((w) => periods.some((p) => p.range.from <= w.registrationFreeUntil && w.from <= p.range.to));
  return { periods, windows: relevantWindows, gaps, staysKnown: windows.length > 0 };
}

export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}
