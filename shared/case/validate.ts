import {
  addYears,
  formatDate,
  formatPartialDate,
  isValidIsoDate,
  isValidPartialDate,
  partialDateBounds,
  validDateOrNull,
  type PartialDateValue,
} from './dates';
import { parsePin } from './pin';
import { contractPeriod, registrationGaps, registrationGrace, type RegistrationGraceRules } from './registration-gaps';
import { DOCUMENT_TYPES, type DocumentType, type IntakeDraft, type PersonName } from './schema';

/**
 * Cross-field checks of an intake form (domain brief §10.2). Errors are data that cannot be true and
 * block saving; warnings never block. Shape, length and format problems are the schema's job
 * (`intakeFormSchema` + `toFieldIssues`); this works on a draft too and skips whatever is missing or malformed.
 *
 * Findings carry codes and parameters, never text: the UI words them in Russian, Kyrgyz or English.
 * Dates in params are dd.mm.yyyy (a partial birth date: dd.mm.yyyy, mm.yyyy or yyyy).
 */

export const ERROR_CODES = [
  'pin_format',
  'birth_date_in_future',
  'issue_date_in_future',
  'document_expiry_before_issue',
  'entry_date_in_future',
  'exit_before_entry',
  'registration_end_before_start',
  'contract_end_before_start',
  'contract_termination_before_start',
] as const;

export const WARNING_CODES = [
  'pin_sex_digit_unknown',
  'pin_date_invalid',
  'pin_sex_mismatch',
  'pin_dob_mismatch',
  'name_latin_chars',
  'name_ky_latin_letters',
  'name_ru_non_russian_chars',
  'document_series_format',
  'document_series_unknown',
  'document_number_format',
  'document_issued_before_min_age',
  'document_expired',
  'employer_inn_format',
  'registration_gap',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type FindingCode = ErrorCode | WarningCode;

export interface Finding {
  /** Dot path into the form, as in FieldIssue: `person.pin`, `documents.0.expiryDate`, `employments.2`. */
  path: string;
  code: FindingCode;
  params?: Record<string, string | number>;
}

export interface IntakeValidation {
  errors: Finding[];
  warnings: Finding[];
}

export interface ValidateIntakeOptions {
  /** Known document series (unverified list, domain brief §5.4). Default ID, AN, AC, PE. */
  documentSeries?: readonly string[];
  /** Minimum age at issue of a document, in years. Default 14. */
  minIssueAge?: number;
  /** Document types the minimum age applies to. Default: all but return_certificate and other. */
  minIssueAgeTypes?: readonly DocumentType[];
  /** Count registration gaps only up to today (future days are not an overstay yet). Default true. */
  gapsUntilToday?: boolean;
  /** Days without a registration duty after an entry or a new contract: the reference data's terms. Default the factory values. */
  grace?: RegistrationGraceRules;
}

export const DEFAULT_DOCUMENT_SERIES: readonly string[] = ['ID', 'AN', 'AC', 'PE'];
export const DEFAULT_MIN_ISSUE_AGE = 14;
export const DEFAULT_MIN_ISSUE_AGE_TYPES: readonly DocumentType[] = DOCUMENT_TYPES.filter((t) => t !== 'return_certificate' && t !== 'other');
/** Types whose series/number are checked against "2 Latin letters + 7 digits". */
export const SERIES_CHECKED_TYPES: readonly DocumentType[] = DOCUMENT_TYPES.filter((t) => t.startsWith('id_card_') || t.startsWith('passport_'));

const NAME_PARTS = ['surname', 'givenName', 'patronymic'] as const satisfies readonly (keyof PersonName)[];
const NOT_LATIN_NAME = /[^A-Za-z '’-]/gu;
const LATIN_LETTER = /[A-Za-z]/g;
const NOT_RUSSIAN = /[A-Za-zҢңӨөҮү]/g;

function uniqueMatches(value: string, pattern: RegExp): string {
  return [...new Set(value.match(pattern) ?? [])].join(' ');
}

function samePartialDate(iso: string, partial: PartialDateValue): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return year === partial.year && (partial.month === undefined || partial.month === month) && (partial.day === undefined || partial.day === day);
}

export function validateIntake(form: IntakeDraft, today: string, options: ValidateIntakeOptions = {}): IntakeValidation {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be an ISO date, got ${JSON.stringify(today)}`);
  const seriesList = (options.documentSeries ?? DEFAULT_DOCUMENT_SERIES).map((s) => s.trim().toUpperCase());
  const minIssueAge = options.minIssueAge ?? DEFAULT_MIN_ISSUE_AGE;
  const minIssueAgeTypes = options.minIssueAgeTypes ?? DEFAULT_MIN_ISSUE_AGE_TYPES;

  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const error = (path: string, code: ErrorCode, params?: Finding['params']) => errors.push(params ? { path, code, params } : { path, code });
  const warn = (path: string, code: WarningCode, params?: Finding['params']) => warnings.push(params ? { path, code, params } : { path, code });
  const todayText = formatDate(today);

  // ---- person
  const person = form.person;
  const birth = isValidPartialDate(person.birthDate) ? person.birthDate : null;
  const birthBounds = birth ? partialDateBounds(birth) : null;
  if (birth && birthBounds && birthBounds.earliest > today) {
    error('person.birthDate', 'birth_date_in_future', { date: formatPartialDate(birth), today: todayText });
  }

  const pinText = person.pin.trim();
  if (pinText !== '') {
    const parsed = parsePin(pinText);
    if (!parsed.ok) {
      error('person.pin', 'pin_format', { length: pinText.length });
    } else {
      const pin = parsed.value;
      if (pin.sex === null) warn('person.pin', 'pin_sex_digit_unknown', { digit: pin.sexDigit });
      else if (person.sex && person.sex !== pin.sex) warn('person.pin', 'pin_sex_mismatch', { digit: pin.sexDigit, pinSex: pin.sex, formSex: person.sex });
      if (pin.birthDate === null) warn('person.pin', 'pin_date_invalid', { digits: pin.dateDigits });
      else if (birth && !samePartialDate(pin.birthDate, birth)) {
        warn('person.pin', 'pin_dob_mismatch', { pinDate: formatDate(pin.birthDate), formDate: formatPartialDate(birth) });
      }
    }
  }

  for (const part of NAME_PARTS) {
    const lat = uniqueMatches(person.nameLat[part], NOT_LATIN_NAME);
    if (lat) warn(`person.nameLat.${part}`, 'name_latin_chars', { chars: lat });
    const ky = uniqueMatches(person.nameKy[part], LATIN_LETTER);
    if (ky) warn(`person.nameKy.${part}`, 'name_ky_latin_letters', { chars: ky });
    const ru = uniqueMatches(person.nameRu[part], NOT_RUSSIAN);
    if (ru) warn(`person.nameRu.${part}`, 'name_ru_non_russian_chars', { chars: ru });
  }

  // ---- identity documents
  form.documents.forEach((doc, i) => {
    const base = `documents.${i}`;
    const issue = validDateOrNull(doc.issueDate);
    const expiry = validDateOrNull(doc.expiryDate);
    if (issue && issue > today) error(`${base}.issueDate`, 'issue_date_in_future', { date: formatDate(issue), today: todayText });
    if (issue && expiry && expiry <= issue) {
      error(`${base}.expiryDate`, 'document_expiry_before_issue', { issueDate: formatDate(issue), expiryDate: formatDate(expiry) });
    }
    if (doc.status === 'current' && expiry && expiry < today) warn(`${base}.expiryDate`, 'document_expired', { expiryDate: formatDate(expiry), today: todayText });

    if (doc.type && SERIES_CHECKED_TYPES.includes(doc.type)) {
      const series = doc.series.trim();
      if (!seriesList.includes(series)) {
        if (!/^[A-Z]{2}$/.test(series)) warn(`${base}.series`, 'document_series_format', { series });
        else if (seriesList.length > 0) warn(`${base}.series`, 'document_series_unknown', { series, known: seriesList.join(', ') });
      }
      const number = doc.number.trim();
      if (number !== '' && !/^[0-9]{7}$/.test(number)) warn(`${base}.number`, 'document_number_format', { number });
    }

    if (doc.type && minIssueAgeTypes.includes(doc.type) && issue && birth && birthBounds) {
      // The earliest day the birth date can stand for: warn only when the person was certainly too young.
      const minDate = addYears(birthBounds.earliest, minIssueAge);
      // A birth year near 2100 puts minDate past the calendar's range; that birth date is already an error.
      if (issue < minDate && isValidIsoDate(minDate)) {
        warn(`${base}.issueDate`, 'document_issued_before_min_age', {
          issueDate: formatDate(issue),
          birthDate: formatPartialDate(birth),
          minAge: minIssueAge,
          minDate: formatDate(minDate),
        });
      }
    }
  });

  // ---- entries and exits
  form.stays.forEach((stay, i) => {
    const entry = validDateOrNull(stay.entryDate);
    const exit = validDateOrNull(stay.exitDate);
    if (entry && entry > today) error(`stays.${i}.entryDate`, 'entry_date_in_future', { date: formatDate(entry), today: todayText });
    if (entry && exit && exit < entry) error(`stays.${i}.exitDate`, 'exit_before_entry', { entryDate: formatDate(entry), exitDate: formatDate(exit) });
  });

  // ---- registrations
  form.registrations.forEach((reg, i) => {
    const from = validDateOrNull(reg.from);
    const to = validDateOrNull(reg.to);
    if (from && to && to < from) error(`registrations.${i}.to`, 'registration_end_before_start', { from: formatDate(from), to: formatDate(to) });
  });
  const registrationRanges = form.registrations.map((r) => ({ from: r.from, to: r.to }));
  // Days after an entry or a new contract when no registration is needed yet are no gap (see registrationGrace).
  const grace = registrationGrace({ stays: form.stays, employments: form.employments, registrations: registrationRanges }, options.grace);

  // ---- employment and registration gaps
  form.employments.forEach((job, i) => {
    const base = `employments.${i}`;
    const start = validDateOrNull(job.start);
    const end = validDateOrNull(job.end);
    const termination = validDateOrNull(job.earlyTerminationDate);
    let impossible = false;
    if (start && end && end < start) {
      error(`${base}.end`, 'contract_end_before_start', { start: formatDate(start), end: formatDate(end) });
      impossible = true;
    }
    if (start && termination && termination < start) {
      error(`${base}.earlyTerminationDate`, 'contract_termination_before_start', { start: formatDate(start), date: formatDate(termination) });
      impossible = true;
    }
    const inn = job.employerInn.trim();
    if (inn !== '' && !/^(?:[0-9]{10}|[0-9]{12})$/.test(inn)) warn(`${base}.employerInn`, 'employer_inn_format', { inn });

    if (impossible || !start || (job.end !== null && !end)) return;
    const period = contractPeriod({ start, end, earlyTerminationDate: termination ?? undefined }, today, { untilToday: options.gapsUntilToday ?? true });
    if (!period) return;
    for (const gap of registrationGaps(period, registrationRanges, grace)) {
      warn(base, 'registration_gap', { from: formatDate(gap.from), to: formatDate(gap.to), days: gap.days });
    }
  });

  return { errors, warnings };
}
