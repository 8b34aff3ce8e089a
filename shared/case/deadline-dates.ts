import { daysInMonth } from './dates';

/**
 * Adds calendar months to an ISO date the way Russian procedural terms run (ГПК/КАС: a term in months ends
 * on the same day of the last month; if that month has no such day, on its last day).
 */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
