import type { PersonDraft } from '../../../../shared/case/schema';

/** The three boxes of a date of birth as typed. */
export interface PartialDateText {
  day: string;
  month: string;
  year: string;
}

export type BirthDateDraft = PersonDraft['birthDate'];

/**
 * What the boxes say, as the form's value. All empty is null ("not given"); anything else keeps every
 * number that was typed, even an incomplete combination (a day without a month, a two-digit year), so
 * the schema reports it at the field and nothing typed is dropped from the draft.
 */
export function partialDateFromText(text: PartialDateText): BirthDateDraft {
  const parts: Record<string, number> = {};
  for (const key of ['year', 'month', 'day'] as const) {
    const digits = text[key].replace(/\D/g, '');
    if (digits !== '') parts[key] = Number(digits);
  }
  // A value without a year is not a PartialDate; it exists only in the draft, and parsing rejects it.
  return Object.keys(parts).length === 0 ? null : (parts as unknown as BirthDateDraft);
}

export function partialDateToText(value: BirthDateDraft | undefined): PartialDateText {
  const part = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : String(n));
  return { day: part(value?.day), month: part(value?.month), year: part(value?.year) };
}

/** True when the typed boxes and the value name the same numbers (so the boxes keep the user's "05"). */
export function sameParts(text: PartialDateText, value: BirthDateDraft | undefined): boolean {
  return JSON.stringify(partialDateFromText(text)) === JSON.stringify(partialDateFromText(partialDateToText(value)));
}
