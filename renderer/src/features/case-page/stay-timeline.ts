import { fromDayNumber, toDayNumber, validDateOrNull } from '../../../../shared/case/dates';
import { contractPeriod, registrationGrace, timelineSegments, type DateRange, type RegistrationGraceRules } from '../../../../shared/case/registration-gaps';
import type { Employment, Registration, StayEntry } from '../../../../shared/case/schema';

/**
 * The person's time in Russia on one axis: stays (entry → exit), migration registrations, contracts and
 * the contract days no registration covers — the gap that most often puts an EAEU worker on the register.
 */

export type BarKind = 'stay' | 'registration' | 'contract' | 'gap';

export interface Bar extends DateRange {
  kind: BarKind;
  /** Position of the source record in its list (for gaps: of the contract). */
  index: number;
  /** Still running: a stay without exit, an open-ended contract; drawn up to today. */
  open: boolean;
  /** Left and right edge as fractions 0..1 of the axis. */
  start: number;
  end: number;
  /** Gap length in days. */
  days?: number;
}

export interface StayTimeline {
  from: string;
  to: string;
  rows: { kind: BarKind; bars: Bar[] }[];
  /** 1 January of each year inside the axis, placed on it. */
  years: { year: number; at: number }[];
}

type Draft = Omit<Bar, 'start' | 'end'>;

function range(from: unknown, to: unknown): DateRange | null {
  const a = validDateOrNull(from);
  const b = validDateOrNull(to);
  return a && b && a <= b ? { from: a, to: b } : null;
}

export function buildStayTimeline(
  input: { stays: readonly StayEntry[]; registrations: readonly Registration[]; employments: readonly Employment[] },
  today: string,
  graceRules?: RegistrationGraceRules,
): StayTimeline | null {
  const drafts: Draft[] = [];
  input.stays.forEach((stay, index) => {
    const exit = validDateOrNull(stay.exitDate);
    const r = range(stay.entryDate, exit ?? today);
    if (r) drafts.push({ kind: 'stay', index, open: exit === null, ...r });
  });
  const registrationRanges = input.registrations.map((reg) => ({ from: reg.from, to: reg.to }));
  input.registrations.forEach((reg, index) => {
    const r = range(reg.from, reg.to);
    if (r) drafts.push({ kind: 'registration', index, open: false, ...r });
  });
  // The first days after an entry, or after a new contract while registered, need no registration yet.
  const grace = registrationGrace({ stays: input.stays, employments: input.employments, registrations: registrationRanges }, graceRules);
  const gapKeys = new Set<string>();
  input.employments.forEach((job, index) => {
    const dates = { start: job.start, end: job.end, earlyTerminationDate: job.earlyTerminationDate };
    const whole = contractPeriod(dates, today, { untilToday: false });
    if (whole) drafts.push({ kind: 'contract', index, open: job.end === null && !job.earlyTerminationDate, ...whole });
    // Days still ahead are no overstay yet, so gaps are counted up to today (as the intake warnings are).
    const elapsed = contractPeriod(dates, today);
    if (!elapsed) return;
    for (const segment of timelineSegments(elapsed, registrationRanges, grace)) {
      const key = `${segment.from}|${segment.to}`;
      if (segment.kind !== 'gap' || gapKeys.has(key)) continue;
      gapKeys.add(key);
      drafts.push({ kind: 'gap', index, open: false, from: segment.from, to: segment.to, days: toDayNumber(segment.to) - toDayNumber(segment.from) + 1 });
    }
  });
  if (drafts.length === 0) return null;

  const first = Math.min(...drafts.map((d) => toDayNumber(d.from)));
  const last = Math.max(...drafts.map((d) => toDayNumber(d.to)));
  const span = last - first + 1;
  const place = (d: Draft): Bar => ({ ...d, start: (toDayNumber(d.from) - first) / span, end: (toDayNumber(d.to) + 1 - first) / span });
  const kinds: BarKind[] = ['stay', 'registration', 'contract', 'gap'];
  const rows = kinds
    .map((kind) => ({ kind, bars: drafts.filter((d) => d.kind === kind).sort((a, b) => a.from.localeCompare(b.from)).map(place) }))
    .filter((row) => row.bars.length > 0);
  const from = fromDayNumber(first);
  const to = fromDayNumber(last);
  const years: StayTimeline['years'] = [];
  for (let year = Number(from.slice(0, 4)) + 1; year <= Number(to.slice(0, 4)); year++) {
    years.push({ year, at: (toDayNumber(`${year}-01-01`) - first) / span });
  }
  return { from, to, rows, years };
}
