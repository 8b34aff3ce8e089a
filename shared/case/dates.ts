/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) without time zones: a date is a day number counted in UTC
 * from 1970-01-01, so "the day after 31.12" or "how many days" never depends on the machine's clock settings.
 */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year, month and day form a real calendar day within MIN_YEAR..MAX_YEAR. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** `YYYY-MM-DD` naming a real day (rejects 2023-02-30, 2023-13-01, 1899-12-31). */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The valid ISO date itself, or null for '', undefined, null or anything malformed. */
export function validDateOrNull(value: unknown): string | null {
  return isValidIsoDate(value) ? value : null;
}

function parts(iso: string): [number, number, number] {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

export function isoFromParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01. Throws RangeError on anything but a valid ISO date. */
export function toDayNumber(iso: string): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Same day `years` later; 29 February becomes 28 February in a non-leap year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = parts(iso);
  const year = y + years;
  return isoFromParts(year, m, Math.min(d, daysInMonth(year, m)));
}

/** Number of days from `from` to `to`, both included (1 for the same day, 0 or less if `to` is earlier). */
export function daysInclusive(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from) + 1;
}

/** dd.mm.yyyy, as Russian and Kyrgyz paperwork writes dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${String(y).padStart(4, '0')}`;
}

/** A date of birth known fully, as month and year, or as the year only. */
export interface PartialDateValue {
  year: number;
  month?: number | undefined;
  day?: number | undefined;
}

export function isValidPartialDate(value: PartialDateValue | null | undefined): value is PartialDateValue {
  if (!value || !Number.isInteger(value.year) || value.year < MIN_YEAR || value.year > MAX_YEAR) return false;
  if (value.month === undefined) return value.day === undefined;
  if (!Number.isInteger(value.month) || value.month < 1 || value.month > 12) return false;
  return value.day === undefined || isRealDate(value.year, value.month, value.day);
}

/** dd.mm.yyyy, mm.yyyy or yyyy, depending on what is known. */
export function formatPartialDate(value: PartialDateValue): string {
  const year = String(value.year).padStart(4, '0');
  if (value.month === undefined) return year;
  const month = String(value.month).padStart(2, '0');
  if (value.day === undefined) return `${month}.${year}`;
  return `${String(value.day).padStart(2, '0')}.${month}.${year}`;
}

/** First and last real day the partial date can stand for (e.g. 1990 → 1990-01-01..1990-12-31). */
export function partialDateBounds(value: PartialDateValue): { earliest: string; latest: string } {
  if (!isValidPartialDate(value)) throw new RangeError(`Not a partial date: ${JSON.stringify(value)}`);
  const { year, month, day } = value;
  if (month === undefined) return { earliest: isoFromParts(year, 1, 1), latest: isoFromParts(year, 12, 31) };
  if (day === undefined) return { earliest: isoFromParts(year, month, 1), latest: isoFromParts(year, month, daysInMonth(year, month)) };
  const iso = isoFromParts(year, month, day);
  return { earliest: iso, latest: iso };
}
