import { isoFromParts, isRealDate, MAX_YEAR, MIN_YEAR } from '../case/dates';

/**
 * Dates as people and spreadsheets write them in lists of citizens: 12.03.1990, 1.3.90, 1990-03-12,
 * 12/03/1990, «12 марта 1990 г.», «март 1990», 1990, and Excel serial day numbers (33 310) when a date
 * column lost its format on the way. Total: any string gives a value or a reason, never an exception.
 */

export interface ImportDate {
  year: number;
  month?: number;
  day?: number;
}

export type DateParse = { ok: true; value: ImportDate } | { ok: false; reason: 'empty' | 'unparsed' | 'impossible' };

const MONTHS: readonly (readonly string[])[] = [
  ['январ', 'янв', 'jan', 'january'],
  ['феврал', 'фев', 'feb', 'february'],
  ['март', 'мар', 'mar', 'march'],
  ['апрел', 'апр', 'apr', 'april'],
  ['май', 'may'],
  ['июн', 'jun', 'june'],
  ['июл', 'jul', 'july'],
  ['август', 'авг', 'aug', 'august'],
  ['сентябр', 'сен', 'сент', 'sep', 'sept', 'september'],
  ['октябр', 'окт', 'oct', 'october'],
  ['ноябр', 'ноя', 'нояб', 'nov', 'november'],
  ['декабр', 'дек', 'dec', 'december'],
];

/** Month number of a Russian (any case: марта, мая), Kyrgyz (same loanwords) or English month word. */
export function monthOfWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '').replace(/ё/g, 'е');
  if (w.length < 3) return null;
  // «мая» is May's genitive; it shares no stem with «март», «марта» (March).
  if (w === 'мая') return 5;
  for (let i = 0; i < MONTHS.length; i++) {
    for (const stem of MONTHS[i]!) {
      if (w === stem || (stem.length >= 3 && w.startsWith(stem) && w.length - stem.length <= 3)) return i + 1;
    }
  }
  return null;
}

/** A two-digit year: the latest year ending in those digits that is not after the reference year. */
function fullYear(digits: string, referenceYear: number): number {
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  const century = Math.floor(referenceYear / 100) * 100;
  return century + yy > referenceYear ? century - 100 + yy : century + yy;
}

function fullDate(year: number, month: number, day: number): DateParse {
  return isRealDate(year, month, day) ? { ok: true, value: { year, month, day } } : { ok: false, reason: 'impossible' };
}

/** Excel's day 1 is 1900-01-01 and it counts a 29.02.1900 that never was: serials from 61 on are one day late. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const day = Math.floor(serial);
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return isoFromParts(year, date.getUTCMonth() + 1, date.getUTCDate());
}

const NUMERIC_DMY = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4}|\d{2})(?:\s*г\.?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const NUMERIC_YMD = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?:(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?))?$/u;
const MONTH_YEAR = /^(\d{1,2})[./-](\d{4})$/u;
const YEAR_ONLY = /^(\d{4})(?:\s*г\.?)?$/u;
const SERIAL = /^\d{3,5}(?:[.,]\d+)?$/u;
const WORDS_DMY = /^(\d{1,2})(?:-?е|-го)?[\s-]+([\p{L}]+\.?)[\s,-]+(\d{4}|\d{2})(?:\s*(?:г\.?|года|жыл\w*))?$/u;
const WORDS_MDY = /^([\p{L}]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/u;
const WORDS_MY = /^([\p{L}]+\.?)[\s,-]+(\d{4})(?:\s*(?:г\.?|года))?$/u;

/**
 * Parses one cell. `referenceYear` decides the century of two-digit years (default: this year), so «1.3.90»
 * is 1990 and «1.3.05» is 2005. Partial dates (month and year, or the year) are answered as such; callers
 * that need a full day refuse them.
 */
export function parseImportDate(raw: string, referenceYear = new Date().getFullYear()): DateParse {
  if (typeof raw !== 'string') return { ok: false, reason: 'unparsed' };
  const text = raw.trim().replace(/\s+/g, ' ').slice(0, 64);
  if (text === '') return { ok: false, reason: 'empty' };
  let m = NUMERIC_YMD.exec(text);
  if (m) return fullDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DMY.exec(text);
  if (m) return fullDate(fullYear(m[3]!, referenceYear), Number(m[2]), Number(m[1]));
  m = MONTH_YEAR.exec(text);
  if (m) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    return month >= 1 && month <= 12 && year >= MIN_YEAR && year <= MAX_YEAR ? { ok: true, value: { year, month } } : { ok: false, reason: 'impossible' };
  }
  m = YEAR_ONLY.exec(text);
  if (m) {
    const year = Number(m[1]);
    return year >= MIN_YEAR && year <= MAX_YEAR ? { ok: true, value: { year } } : { ok: false, reason: 'impossible' };
  }
  if (SERIAL.test(text)) {
    const iso = excelSerialToIso(Number(text.replace(',', '.')));
    if (!iso) return { ok: false, reason: 'impossible' };
    return { ok: true, value: { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) } };
  }
  m = WORDS_DMY.exec(text);
  if (m) {
    const month = monthOfWord(m[2]!);
    return month ? fullDate(fullYear(m[3]!, referenceYear), month, Number(m[1])) : { ok: false, reason: 'unparsed' };
  }
  m = WORDS_MDY.exec(text);
  if (m) {
    const month = monthOfWord(m[1]!);
    return month ? fullDate(Number(m[3]), month, Number(m[2])) : { ok: false, reason: 'unparsed' };
  }
  m = WORDS_MY.exec(text);
  if (m) {
    const month = monthOfWord(m[1]!);
    const year = Number(m[2]);
    if (!month) return { ok: false, reason: 'unparsed' };
    return year >= MIN_YEAR && year <= MAX_YEAR ? { ok: true, value: { year, month } } : { ok: false, reason: 'impossible' };
  }
  return { ok: false, reason: 'unparsed' };
}

/** The ISO date of a fully known day, or null for partial dates. */
export function importDateIso(value: ImportDate): string | null {
  return value.month !== undefined && value.day !== undefined ? isoFromParts(value.year, value.month, value.day) : null;
}
