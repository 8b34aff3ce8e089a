import { isoFromParts, isRealDate } from './dates';

/**
 * The Kyrgyz personal identification number (ПИН), domain brief §5.5: 14 digits; digit 1 = sex
 * (1 female, 2 male); digits 2–9 = date of birth DDMMYYYY; digits 10–14 presumably a serial part.
 * The structure comes from two public code implementations, not from an official text, so only
 * "not 14 digits" is an error; everything about the structure is a warning.
 */

export const PIN_LENGTH = 14;

export type PinSex = 'male' | 'female';
export type PinWarningCode = 'pin_sex_digit_unknown' | 'pin_date_invalid';

export interface ParsedPin {
  /** The 14 digits. */
  pin: string;
  /** Digit 1. */
  sexDigit: string;
  /** From digit 1, or null when it is neither 1 nor 2. */
  sex: PinSex | null;
  /** Digits 2–9, DDMMYYYY. */
  dateDigits: string;
  /** Digits 2–9 as an ISO date, or null when they name no real day in 1900–2100. */
  birthDate: string | null;
  /** Digits 10–14. */
  serial: string;
  /** Structure warnings, in digit order. */
  warnings: PinWarningCode[];
}

export type PinParseResult = { ok: true; value: ParsedPin } | { ok: false; error: 'pin_format' };

const PIN_PATTERN = /^[0-9]{14}$/;

/** Drops spaces, hyphens and dots people type between groups of digits ("2 1203 1990 00123"). For the UI, on blur. */
export function normalizePin(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/** Exactly 14 ASCII digits after trimming. */
export function isPinFormatValid(raw: string): boolean {
  return PIN_PATTERN.test(raw.trim());
}

export function parsePin(raw: string): PinParseResult {
  const pin = raw.trim();
  if (!PIN_PATTERN.test(pin)) return { ok: false, error: 'pin_format' };

  const warnings: PinWarningCode[] = [];
  const sexDigit = pin.slice(0, 1);
  const sex: PinSex | null = sexDigit === '1' ? 'female' : sexDigit === '2' ? 'male' : null;
  if (sex === null) warnings.push('pin_sex_digit_unknown');

  const dateDigits = pin.slice(1, 9);
  const day = Number(dateDigits.slice(0, 2));
  const month = Number(dateDigits.slice(2, 4));
  const year = Number(dateDigits.slice(4, 8));
  const birthDate = isRealDate(year, month, day) ? isoFromParts(year, month, day) : null;
  if (birthDate === null) warnings.push('pin_date_invalid');

  return { ok: true, value: { pin, sexDigit, sex, dateDigits, birthDate, serial: pin.slice(9), warnings } };
}
