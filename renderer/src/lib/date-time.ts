import { formatDate } from '../../../shared/case/dates';

const two = (n: number) => String(n).padStart(2, '0');

/** дд.мм.гггг чч:мм in the machine's local time: when a caseworker did something, as the office clock showed it. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/**
 * Today as the caseworker's calendar shows it. Dates in forms are local calendar days, so "in the future" must be
 * judged against the local day, not the UTC one (Moscow is UTC+3 at midnight). The one definition of "today".
 */
export function localTodayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** A stored timestamp as the local дд.мм.гггг and чч:мм. */
export function localDateTime(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  return { date: formatDate(localTodayIso(at)), time: `${two(at.getHours())}:${two(at.getMinutes())}` };
}
