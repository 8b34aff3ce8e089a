import { addDays, fromDayNumber, toDayNumber } from '../case/dates';
import type { CalendarYear, Verification } from '../reference/schema';

/**
 * Working days by the Russian production calendar (reference table `calendar`): Monday–Friday except
 * non-working holidays (ТК РФ art. 112) and days off moved by the Government's annual decree, plus the
 * Saturdays or Sundays a decree made working days.
 *
 * Counting rules, the same for every clock (КАС art. 92, ГК art. 191 and 59-ФЗ practice):
 * - a term in days starts on the day after the event: 3 days from 01.03 end on 04.03;
 * - a term in working days counts only working days after the event: 3 working days from Friday end on
 *   Wednesday; the end of such a term is always a working day;
 * - whether a calendar-day term that ends on a non-working day moves is a per-clock setting (`rollToWorkingDay`),
 *   see ./settings for which clocks do.
 *
 * A year missing from the table falls back to weekends and the fixed holidays of art. 112 without any moved
 * days, and `calendarVerification` reports it as a gap so the UI can say the count is approximate.
 */

/** Fixed non-working holidays of ТК РФ art. 112 p.1 (month-day). */
export const STATUTORY_HOLIDAYS: readonly string[] = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];

interface YearDays {
  holidays: ReadonlySet<string>;
  movedDaysOff: ReadonlySet<string>;
  workingWeekendDays: ReadonlySet<string>;
  verification: Verification;
}

export interface WorkCalendar {
  readonly kind: 'work-calendar';
  readonly years: ReadonlyMap<number, YearDays>;
}

export type CalendarInput = WorkCalendar | readonly CalendarYear[];

export function workCalendar(years: readonly CalendarYear[]): WorkCalendar {
  const map = new Map<number, YearDays>();
  for (const entry of years) {
    const holidays = new Set(entry.holidays);
    const movedDaysOff = new Set<string>();
    const workingWeekendDays = new Set<string>();
    for (const transfer of entry.transfers) {
      movedDaysOff.add(transfer.to);
      workingWeekendDays.add(transfer.from);
    }
    map.set(entry.year, { holidays, movedDaysOff, workingWeekendDays, verification: entry.verification });
  }
  return { kind: 'work-calendar', years: map };
}

export function toWorkCalendar(input: CalendarInput): WorkCalendar {
  return 'kind' in input && input.kind === 'work-calendar' ? input : workCalendar(input as readonly CalendarYear[]);
}

function weekday(iso: string): number {
  return (toDayNumber(iso) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
}

export function isWorkingDay(calendar: WorkCalendar, iso: string): boolean {
  const year = calendar.years.get(Number(iso.slice(0, 4)));
  const day = weekday(iso); // validates iso
  if (!year) return day !== 0 && day !== 6 && !STATUTORY_HOLIDAYS.includes(iso.slice(5));
  // Checked first: a holiday on a weekend gives its weekend rest away but stays a holiday itself.
  if (year.holidays.has(iso) || year.movedDaysOff.has(iso)) return false;
  if (year.workingWeekendDays.has(iso)) return true;
  return day !== 0 && day !== 6;
}

/** The day `days` calendar days after `iso` (a term in days starts the next day, so this is its last day). */
export function addCalendarDays(iso: string, days: number): string {
  return addDays(iso, days);
}

/** The last day of a term of `days` working days starting after `iso`; `days` = 0 gives `iso` itself. */
export function addWorkingDays(calendar: WorkCalendar, iso: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  let day = toDayNumber(iso);
  let left = days;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(calendar, fromDayNumber(day))) left -= 1;
  }
  return fromDayNumber(day);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = toDayNumber(from) + 1, end = toDayNumber(to); day <= end; day += 1) {
    if (isWorkingDay(calendar, fromDayNumber(day))) count += 1;
  }
  return count;
}

export type RollRule = 'none' | 'next' | 'previous';

/** Moves a term's last day off a non-working day: to the next working day, the previous one, or not at all. */
export function rollToWorkingDay(calendar: WorkCalendar, iso: string, rule: RollRule): string {
  if (rule === 'none') return iso;
  const step = rule === 'next' ? 1 : -1;
  let day = toDayNumber(iso);
  while (!isWorkingDay(calendar, fromDayNumber(day))) day += step;
  return fromDayNumber(day);
}

const RANK: Record<Verification, number> = { verified: 0, unverified: 1, gap: 2 };

/** The least certain calendar year touched by the days from `from` to `to` (a missing year is a gap). */
export function calendarVerification(calendar: WorkCalendar, from: string, to: string): Verification {
  let worst: Verification = 'verified';
  const first = Number((from < to ? from : to).slice(0, 4));
  const last = Number((from < to ? to : from).slice(0, 4));
  for (let year = first; year <= last; year += 1) {
    const status = calendar.years.get(year)?.verification ?? 'gap';
    if (RANK[status] > RANK[worst]) worst = status;
  }
  return worst;
}
