import { EAEU_REGISTRATION_FREE_DAYS, EAEU_WORKING_DAYS_TO_NOTIFY } from '../deadlines/clocks-eaeu';
import { addDays, fromDayNumber, toDayNumber, validDateOrNull } from './dates';

/**
 * Days of an EAEU worker's contract period not covered by any migration registration (domain brief §5.1,
 * §10.2): such a gap is the most likely overstay trigger. All ranges are ISO dates with both ends included.
 */

export interface DateRange {
  from: string;
  to: string;
}

export interface DateGap extends DateRange {
  /** Days in the gap, both ends included. */
  days: number;
}

/** Day-number interval, both ends included, or null for malformed or reversed ranges. */
function toInterval(range: DateRange): [number, number] | null {
  const from = validDateOrNull(range.from);
  const to = validDateOrNull(range.to);
  if (from === null || to === null) return null;
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return a <= b ? [a, b] : null;
}

/** Days in a range, both ends included; 0 for malformed or reversed ranges. */
export function rangeDays(range: DateRange): number {
  const interval = toInterval(range);
  return interval ? interval[1] - interval[0] + 1 : 0;
}

/** The registration intervals clipped to the period, sorted and merged (touching intervals join). */
function coveredIntervals(period: [number, number], registrations: readonly DateRange[]): [number, number][] {
  const clipped: [number, number][] = [];
  for (const registration of registrations) {
    const interval = toInterval(registration);
    if (!interval) continue;
    const from = Math.max(interval[0], period[0]);
    const to = Math.min(interval[1], period[1]);
    if (from <= to) clipped.push([from, to]);
  }
  clipped.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1] + 1) last[1] = Math.max(last[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  return merged;
}

/**
 * Uncovered stretches of `period` in date order. Malformed or reversed registrations count as absent;
 * a malformed or reversed period has no gaps. Overlapping and touching registrations are fine. Days in
 * `grace` (see `registrationGrace`) need no registration, so they are no gap either.
 */
export function registrationGaps(period: DateRange, registrations: readonly DateRange[], grace: readonly DateRange[] = []): DateGap[] {
  const bounds = toInterval(period);
  if (!bounds) return [];
  const gaps: DateGap[] = [];
  let next = bounds[0];
  for (const [from, to] of [...coveredIntervals(bounds, [...registrations, ...grace]), [bounds[1] + 1, bounds[1] + 1] as [number, number]]) {
    if (from > next) gaps.push({ from: fromDayNumber(next), to: fromDayNumber(from - 1), days: from - next });
    next = Math.max(next, to + 1);
  }
  return gaps;
}

/** Days of `period` covered by at least one registration. */
export function coveredDays(period: DateRange, registrations: readonly DateRange[]): number {
  const bounds = toInterval(period);
  if (!bounds) return 0;
  return coveredIntervals(bounds, registrations).reduce((sum, [from, to]) => sum + to - from + 1, 0);
}

/** How long a person may stay without registration, in calendar days counted from the day itself. */
export interface RegistrationGraceRules {
  /** After an entry: a Kyrgyz citizen (EAEU worker) is exempt from registration for 30 days (domain §5.1). */
  afterEntryDays: number;
  /**
   * After a new contract's start, for a person already registered the day before: the registration is
   * updated within 3 working days (domain §5.1, practice, unverified). Counted as calendar days — the
   * earlier reading of the citizen's duty, and one that needs no production calendar.
   */
  afterContractStartDays: number;
}

export const DEFAULT_REGISTRATION_GRACE: RegistrationGraceRules = {
  afterEntryDays: EAEU_REGISTRATION_FREE_DAYS,
  afterContractStartDays: EAEU_WORKING_DAYS_TO_NOTIFY,
};

/**
 * The days a person may be in Russia without registration: the first `afterEntryDays` days of each stay
 * (the entry day is the first) and the first `afterContractStartDays` days of each contract begun while
 * registered (a registration covers the day before its start). On the safe side — a duty the citizen must
 * meet ends on the earlier reading — the last free day is the one before the term's last day, so a
 * registration starting on that last day still leaves no gap and one starting later shows the late days.
 */
export function registrationGrace(
  facts: { stays: readonly { entryDate: string }[]; employments: readonly { start: string }[]; registrations: readonly DateRange[] },
  rules: RegistrationGraceRules = DEFAULT_REGISTRATION_GRACE,
): DateRange[] {
  const out: DateRange[] = [];
  const free = (first: string, days: number) => {
    if (days > 0) out.push({ from: first, to: addDays(first, days - 1) });
  };
  for (const stay of facts.stays) {
    const entry = validDateOrNull(stay.entryDate);
    if (entry) free(entry, rules.afterEntryDays);
  }
  const registered = facts.registrations.map(toInterval).filter((r): r is [number, number] => r !== null);
  for (const job of facts.employments) {
    const start = validDateOrNull(job.start);
    if (!start) continue;
    const dayBefore = toDayNumber(start) - 1;
    if (registered.some(([from, to]) => from <= dayBefore && dayBefore <= to)) free(start, rules.afterContractStartDays);
  }
  return out;
}

export interface ContractDates {
  start: string;
  /** null = open-ended. */
  end: string | null;
  earlyTerminationDate?: string | undefined;
}

export interface ContractPeriodOptions {
  /** Stop the period at `today`: days still to come are not an overstay yet. Default true. */
  untilToday?: boolean;
}

/**
 * The days the contract actually ran: start .. (early termination date, else end, else today for an
 * open-ended contract), by default not beyond today. Null when the dates are missing or malformed,
 * the contract has not started yet, or it ends before it starts.
 */
export function contractPeriod(contract: ContractDates, today: string, options: ContractPeriodOptions = {}): DateRange | null {
  const start = validDateOrNull(contract.start);
  const now = validDateOrNull(today);
  if (start === null || now === null) return null;
  if (contract.end !== null && validDateOrNull(contract.end) === null) return null;
  const candidates = [contract.end, validDateOrNull(contract.earlyTerminationDate)].filter((d): d is string => d !== null);
  let end = candidates.length > 0 ? candidates.reduce((a, b) => (a < b ? a : b)) : now;
  if (options.untilToday !== false && end > now) end = now;
  return start <= end ? { from: start, to: end } : null;
}

export type TimelineKind = 'contract' | 'registration' | 'gap';

export interface TimelineSegment extends DateRange {
  kind: TimelineKind;
  /** Left edge as a fraction 0..1 of the overall span (start of the `from` day). */
  start: number;
  /** Right edge as a fraction 0..1 of the overall span (end of the `to` day); always > start. */
  end: number;
  /** Position in the `registrations` argument (registration segments) or in date order (gaps); 0 for the contract. */
  index: number;
}

/**
 * Segments for a small timeline: the contract period, every well-formed registration (unclipped, in input
 * order) and the gaps (days in `grace` are none), placed on one axis from the earliest to the latest day any of them touches.
 * Empty when the period is malformed or reversed.
 */
export function timelineSegments(period: DateRange, registrations: readonly DateRange[], grace: readonly DateRange[] = []): TimelineSegment[] {
  const bounds = toInterval(period);
  if (!bounds) return [];
  const valid = registrations.map((r, index) => ({ index, interval: toInterval(r) }));
  let spanFrom = bounds[0];
  let spanTo = bounds[1];
  for (const { interval } of valid) {
    if (!interval) continue;
    spanFrom = Math.min(spanFrom, interval[0]);
    spanTo = Math.max(spanTo, interval[1]);
  }
  const spanDays = spanTo - spanFrom + 1;
  const segment = (kind: TimelineKind, from: number, to: number, index: number): TimelineSegment => ({
    kind,
    from: fromDayNumber(from),
    to: fromDayNumber(to),
    start: (from - spanFrom) / spanDays,
    end: (to + 1 - spanFrom) / spanDays,
    index,
  });

  const segments: TimelineSegment[] = [segment('contract', bounds[0], bounds[1], 0)];
  for (const { index, interval } of valid) if (interval) segments.push(segment('registration', interval[0], interval[1], index));
  registrationGaps(period, registrations, grace).forEach((gap, index) => {
    segments.push(segment('gap', toDayNumber(gap.from), toDayNumber(gap.to), index));
  });
  return segments;
}
