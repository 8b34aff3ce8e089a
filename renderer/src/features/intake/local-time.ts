import { formatDate } from '../../../../shared/case/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Today as the caseworker's calendar shows it. Dates in the form are local calendar days, so "in the
 * future" must be judged against the local day, not the UTC one (Moscow is UTC+3 at midnight).
 */
export function localTodayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A stored timestamp as the local дд.мм.гггг and чч:мм. */
export function localDateTime(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  return { date: formatDate(localTodayIso(at)), time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}
