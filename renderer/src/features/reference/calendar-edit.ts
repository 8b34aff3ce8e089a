import { isValidIsoDate } from '../../../../shared/case/dates';
import type { CalendarYear, DayTransfer } from '../../../../shared/reference/schema';

/**
 * Checks a caseworker's additions to a production-calendar year before they reach the list, so each
 * mistake is named where it was typed (the bundle's own validation only says "invalid value" there).
 */
export type DayProblem = 'invalid_date' | 'outside_year' | 'duplicate' | 'not_weekend' | 'not_weekday' | 'is_holiday' | 'transfer_target';

/** 0 = Sunday … 6 = Saturday, for an ISO date (calendar days have no time zone). */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export const isWeekend = (iso: string): boolean => [0, 6].includes(weekdayOf(iso));

function inYear(year: number, iso: string | null): DayProblem | null {
  if (!iso || !isValidIsoDate(iso)) return 'invalid_date';
  return iso.startsWith(`${year}-`) ? null : 'outside_year';
}

/** A new non-working holiday: a real date of that year, not listed yet, not a day a day off was moved to. */
export function holidayProblem(year: number, iso: string | null, holidays: readonly string[], transfers: readonly DayTransfer[]): DayProblem | null {
  const base = inYear(year, iso);
  if (base) return base;
  if (holidays.includes(iso!)) return 'duplicate';
  if (transfers.some((t) => t.to === iso)) return 'transfer_target';
  return null;
}

/**
 * A new moved day off: `from` is a Saturday or Sunday that becomes a working day, `to` a weekday (not a
 * holiday, not already receiving a moved day) that becomes a day off.
 */
export function transferProblems(
  year: number,
  from: string | null,
  to: string | null,
  holidays: readonly string[],
  transfers: readonly DayTransfer[],
): { from: DayProblem | null; to: DayProblem | null } {
  let fromProblem = inYear(year, from);
  if (!fromProblem && !isWeekend(from!)) fromProblem = 'not_weekend';
  let toProblem = inYear(year, to);
  if (!toProblem) {
    if (isWeekend(to!)) toProblem = 'not_weekday';
    else if (holidays.includes(to!)) toProblem = 'is_holiday';
    else if (transfers.some((t) => t.to === to)) toProblem = 'duplicate';
  }
  return { from: fromProblem, to: toProblem };
}

/** The list with `iso` added, in date order (ISO dates sort as text). */
export function addDay(days: readonly string[], iso: string): string[] {
  return [...days, iso].sort();
}

export function addTransfer(transfers: readonly DayTransfer[], transfer: DayTransfer): DayTransfer[] {
  return [...transfers, transfer].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The production calendar's latest allowed year (calendarYearSchema). */
export const LAST_CALENDAR_YEAR = 2100;

/**
 * The year a caseworker adds when the Government publishes the next calendar: the one after the latest,
 * with that year's holidays carried over day for day (the fixed holidays of ТК РФ art. 112 recur), no moved
 * days yet, and marked unverified until someone checks it against the decree.
 */
export function nextCalendarYear(calendar: readonly CalendarYear[], fallbackYear: number): CalendarYear | null {
  const latest = calendar.reduce<CalendarYear | null>((best, entry) => (!best || entry.year > best.year ? entry : best), null);
  const year = latest ? latest.year + 1 : fallbackYear;
  if (year > LAST_CALENDAR_YEAR) return null;
  const holidays = (latest?.holidays ?? []).map((iso) => `${year}${iso.slice(4)}`).filter((iso) => isValidIsoDate(iso));
  return { year, holidays, transfers: [], verification: 'unverified', legalRef: null, sources: [] };
}
