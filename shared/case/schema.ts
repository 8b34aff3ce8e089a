import { z } from 'zod';
import { isValidIsoDate, isValidPartialDate, MAX_YEAR, MIN_YEAR } from './dates';
import { CASE_STATUSES, type CaseStatus } from './statuses';

/**
 * The case domain model (domain brief §10.1). Schemas check shape, lengths and formats only; whether the
 * data makes sense together (expiry after issue, ПИН against the date of birth, registration gaps …)
 * is `validateIntake` in ./validate, which separates hard errors from warnings.
 *
 * Two types per schema: `X` (z.output) is a complete, parsed value as stored; `XDraft` (z.input) is what a
 * form holds while it is filled in — a choice nobody has made yet is `null` (parsing reports `required`
 * for it, never a silent default), an optional date may be '' (parsing turns it into `undefined`).
 */

export const CASE_LIMITS = {
  id: 64,
  name: 100,
  fullName: 200,
  otherSpellings: 20,
  placeOfBirth: 200,
  pin: 20,
  phone: 50,
  phones: 10,
  email: 254,
  address: 500,
  text: 2000,
  shortText: 300,
  series: 10,
  documentNumber: 30,
  issuer: 200,
  checkpoint: 200,
  migrationCard: 50,
  host: 300,
  employer: 300,
  inn: 20,
  contractNumber: 100,
  cardNumber: 50,
  caseNumber: 50,
  region: 200,
  isoDate: 10,
  isoDateTime: 40,
  documents: 50,
  stays: 500,
  registrations: 500,
  employments: 200,
  statusHistory: 1000,
} as const;

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** A choice the form starts with as `null`: null is accepted as input and reported as `required`. */
function requiredChoice<T extends z.ZodType>(schema: T) {
  return schema.nullable().transform((value, ctx): z.output<T> => {
    if (value === null) {
      ctx.addIssue({ code: 'invalid_type', expected: 'nonoptional', message: 'Required' });
      return z.NEVER;
    }
    return value as z.output<T>;
  });
}

// ---------------------------------------------------------------- primitives

export const idSchema = z
  .string()
  .min(1)
  .max(CASE_LIMITS.id)
  .regex(/^[A-Za-z0-9_-]*$/); // `*`: an empty id is reported once, as required

function checkIsoDate(value: string, ctx: z.RefinementCtx, allowEmpty: boolean): void {
  if (value.length > CASE_LIMITS.isoDate || (allowEmpty && value === '')) return; // length issues are reported by min/max
  if (value !== '' && !isValidIsoDate(value)) {
    ctx.addIssue({ code: 'invalid_format', format: 'date', message: 'Expected a real date as YYYY-MM-DD' });
  }
}

/** `YYYY-MM-DD` naming a real day between 1900 and 2100: rejects 2023-02-30, 2023-13-01, 23-02-01. */
export const isoDate = z
  .string()
  .min(1)
  .max(CASE_LIMITS.isoDate)
  .superRefine((value, ctx) => checkIsoDate(value, ctx, false));

/** An optional ISO date; a form's empty '' is accepted and becomes `undefined`. */
export const optionalIsoDate = z
  .string()
  .max(CASE_LIMITS.isoDate)
  .superRefine((value, ctx) => checkIsoDate(value, ctx, true))
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** ISO 8601 date-time with Z or an offset, e.g. 2025-03-14T10:05:00+03:00. */
export const isoDateTime = z.iso.datetime({ offset: true }).max(CASE_LIMITS.isoDateTime);

/** ISO 3166-1 alpha-2 country code. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/);

/**
 * A date of birth: full, month + year, or year only (the Госуслуги check accepts all three).
 * `day` without `month` and days that do not exist (31.04) are rejected.
 */
export const partialDateSchema = z
  .object({
    year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.day !== undefined && value.month === undefined) {
      ctx.addIssue({ code: 'invalid_type', expected: 'nonoptional', path: ['month'], message: 'Month is required when the day is given' });
    } else if (!isValidPartialDate(value)) {
      ctx.addIssue({ code: 'invalid_format', format: 'date', path: ['day'], message: 'No such day in that month' });
    }
  });

// ---------------------------------------------------------------- person

export const PATRONYMIC_FORMS = ['patronymic', 'uulu_kyzy', 'none'] as const;
export const SEXES = ['male', 'female'] as const;
export const LANGUAGES = ['ky', 'ru'] as const;

/** One spelling of the name in one script. Character checks are warnings, see validateIntake. */
export const personNameSchema = z
  .object({
    surname: text(CASE_LIMITS.name),
    givenName: text(CASE_LIMITS.name),
    patronymic: text(CASE_LIMITS.name),
  })
  .strict();

/** The Russian spelling is what petitions to Russian bodies use, so it must at least have surname and given name. */
export const personNameRuSchema = z
  .object({
    surname: requiredText(CASE_LIMITS.name),
    givenName: requiredText(CASE_LIMITS.name),
    patronymic: text(CASE_LIMITS.name),
  })
  .strict();

export const representativeSchema = z
  .object({
    name: requiredText(CASE_LIMITS.fullName),
    /** The representative's own identity document, as free text. */
    document: text(CASE_LIMITS.shortText),
    /** Power of attorney: number, date, notary. */
    powerOfAttorney: text(CASE_LIMITS.address),
  })
  .strict();

const PHONE_PATTERN = /^$|^\+?[0-9][0-9 ()-]*$/; // empty is reported once, as required
const EMAIL_PATTERN = /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const personSchema = z
  .object({
    id: idSchema,
    /** Kyrgyz Cyrillic (with ң ө ү). */
    nameKy: personNameSchema,
    /** Russian Cyrillic, as Russian records (migration card, registration) spell it. */
    nameRu: personNameRuSchema,
    /** Latin, as in the passport data page / MRZ. */
    nameLat: personNameSchema,
    patronymicForm: requiredChoice(z.enum(PATRONYMIC_FORMS)),
    /** Free-text variants met in other records, e.g. «Джумагулов», "JUMAGULOV". */
    otherSpellings: z.array(requiredText(CASE_LIMITS.fullName)).max(CASE_LIMITS.otherSpellings),
    sex: requiredChoice(z.enum(SEXES)),
    birthDate: requiredChoice(partialDateSchema),
    placeOfBirth: text(CASE_LIMITS.placeOfBirth),
    citizenship: countryCode.default('KG'),
    /** Dual citizenship, if any. */
    secondCitizenship: countryCode.optional(),
    /** ПИН as typed; 14 digits is checked by validateIntake (hard error), its structure too (warnings). */
    pin: text(CASE_LIMITS.pin),
    phones: z.array(requiredText(CASE_LIMITS.phone).regex(PHONE_PATTERN)).max(CASE_LIMITS.phones),
    email: text(CASE_LIMITS.email).regex(EMAIL_PATTERN),
    /** Russian postal address for replies (59-ФЗ answers go there). */
    ruPostalAddress: text(CASE_LIMITS.address),
    kgAddress: text(CASE_LIMITS.address),
    preferredLanguage: requiredChoice(z.enum(LANGUAGES)),
    representative: representativeSchema.optional(),
    /** Date the consent to personal-data processing was signed. */
    consentDate: optionalIsoDate,
  })
  .strict()
  .superRefine((person, ctx) => {
    if (person.secondCitizenship !== undefined && person.secondCitizenship === person.citizenship) {
      ctx.addIssue({ code: 'custom', path: ['secondCitizenship'], message: 'Second citizenship repeats the first' });
    }
  });

// ---------------------------------------------------------------- identity documents

export const DOCUMENT_TYPES = [
  'id_card_2017',
  'id_card_2024',
  'passport_2004',
  'passport_2006',
  'passport_2020',
  'passport_2023',
  'return_certificate',
  'other',
] as const;
export const DOCUMENT_STATUSES = ['current', 'replaced', 'lost'] as const;

export const identityDocumentSchema = z
  .object({
    id: idSchema,
    type: requiredChoice(z.enum(DOCUMENT_TYPES)),
    /** Stored apart from the number (the Russian check forms ask for them separately); may be empty. */
    series: text(CASE_LIMITS.series),
    number: requiredText(CASE_LIMITS.documentNumber),
    issueDate: isoDate,
    /** Issuing authority or its code. */
    issuer: text(CASE_LIMITS.issuer),
    expiryDate: isoDate,
    status: z.enum(DOCUMENT_STATUSES),
    /** The person crossed the Russian border with this document. */
    usedForEntry: z.boolean(),
  })
  .strict();

// ---------------------------------------------------------------- Russian status records

export const STAY_PURPOSES = ['work', 'private', 'study', 'transit', 'other'] as const;

/** One entry to Russia and, when known, the matching exit. */
export const stayEntrySchema = z
  .object({
    id: idSchema,
    entryDate: isoDate,
    checkpoint: text(CASE_LIMITS.checkpoint),
    /** Id of the IdentityDocument used, or '' when unknown. */
    documentId: z.union([z.literal(''), idSchema]),
    /** Migration card series and number. */
    migrationCard: text(CASE_LIMITS.migrationCard),
    /** Purpose written on the migration card. */
    purpose: requiredChoice(z.enum(STAY_PURPOSES)),
    exitDate: optionalIsoDate,
    exitRecorded: z.boolean(),
  })
  .strict();

export const REGISTRATION_CHANNELS = ['mvd', 'mfc', 'gosuslugi', 'amina', 'other'] as const;

/** A migration registration period (миграционный учёт), both days included. */
export const registrationSchema = z
  .object({
    id: idSchema,
    address: requiredText(CASE_LIMITS.address),
    /** Host person or organisation (принимающая сторона). */
    host: text(CASE_LIMITS.host),
    from: isoDate,
    to: isoDate,
    how: requiredChoice(z.enum(REGISTRATION_CHANNELS)),
  })
  .strict();

export const CONTRACT_TYPES = ['labour', 'civil'] as const;

export const employmentSchema = z
  .object({
    id: idSchema,
    employer: requiredText(CASE_LIMITS.employer),
    /** Employer's ИНН as typed (10 digits for an organisation, 12 for an individual entrepreneur; checked as a warning). */
    employerInn: text(CASE_LIMITS.inn),
    /** Трудовой договор / договор ГПХ. */
    contractType: requiredChoice(z.enum(CONTRACT_TYPES)),
    contractNumber: text(CASE_LIMITS.contractNumber),
    start: isoDate,
    /** Last day of a fixed-term contract; null = open-ended. */
    end: isoDate.nullable(),
    earlyTerminationDate: optionalIsoDate,
    /** Date the employer notified the MVD of the contract. */
    employerNotifiedDate: optionalIsoDate,
  })
  .strict();

/** The «Амина» app (Moscow and Moscow region). */
export const aminaStatusSchema = z
  .object({
    registered: z.boolean(),
    cardNumber: text(CASE_LIMITS.cardNumber),
    registeredDate: optionalIsoDate,
    deregisteredDate: optionalIsoDate,
    deregistrationReason: text(CASE_LIMITS.text).optional(),
  })
  .strict();

// ---------------------------------------------------------------- case

export { CASE_STATUSES, type CaseStatus };

/** Workflow order of the statuses, for sorting and progress display. */
export const STATUS_ORDER: readonly CaseStatus[] = CASE_STATUSES;

export const LEARNED_HOW = ['bank', 'police', 'employer', 'check', 'other'] as const;
export const IMPACTS = ['bank_block', 'dismissal', 'detention', 'entry_refused', 'other'] as const;
/** Outcome codes for statistics (domain brief §10.0 step 9). */
export const OUTCOMES = ['excluded', 'not_excluded_lawful', 'left_russia', 'regularised', 'no_answer', 'other'] as const;

export const caseStatusSchema = z.enum(CASE_STATUSES);

export const statusChangeSchema = z
  .object({
    status: caseStatusSchema,
    at: isoDateTime,
    note: text(CASE_LIMITS.text),
  })
  .strict();

const impactsSchema = z
  .array(z.enum(IMPACTS))
  .max(IMPACTS.length)
  .refine((list) => new Set(list).size === list.length, { message: 'Impacts repeat' });

/** The case fields an intake form fills in. */
const caseIntakeShape = {
  missionId: idSchema,
  /** Caseworker's full name. */
  caseworker: requiredText(CASE_LIMITS.fullName),
  /** Russian federal subject: code or name. */
  region: requiredText(CASE_LIMITS.region),
  /** Date the person learned of the listing (the 3-month КАС clock starts here). */
  learnedAt: isoDate,
  learnedHow: requiredChoice(z.enum(LEARNED_HOW)),
  learnedNote: text(CASE_LIMITS.text),
  impacts: impactsSchema,
};

export const caseIntakeSchema = z.object(caseIntakeShape).strict();

export const caseRecordSchema = z
  .object({
    id: idSchema,
    /** Case number as the mission writes it. */
    number: requiredText(CASE_LIMITS.caseNumber),
    personId: idSchema,
    ...caseIntakeShape,
    status: caseStatusSchema,
    statusHistory: z.array(statusChangeSchema).max(CASE_LIMITS.statusHistory),
    outcome: z.enum(OUTCOMES).optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .strict();

// ---------------------------------------------------------------- intake form

/** Everything one intake form submits. */
export const intakeFormSchema = z
  .object({
    person: personSchema,
    documents: z.array(identityDocumentSchema).max(CASE_LIMITS.documents),
    stays: z.array(stayEntrySchema).max(CASE_LIMITS.stays),
    registrations: z.array(registrationSchema).max(CASE_LIMITS.registrations),
    employments: z.array(employmentSchema).max(CASE_LIMITS.employments),
    amina: aminaStatusSchema,
    case: caseIntakeSchema,
  })
  .strict();

// ---------------------------------------------------------------- types

export type PartialDate = z.output<typeof partialDateSchema>;
export type PatronymicForm = (typeof PATRONYMIC_FORMS)[number];
export type Sex = (typeof SEXES)[number];
export type Language = (typeof LANGUAGES)[number];
export type PersonName = z.output<typeof personNameSchema>;
export type Representative = z.output<typeof representativeSchema>;
export type Person = z.output<typeof personSchema>;
export type PersonDraft = z.input<typeof personSchema>;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export type IdentityDocument = z.output<typeof identityDocumentSchema>;
export type IdentityDocumentDraft = z.input<typeof identityDocumentSchema>;
export type StayPurpose = (typeof STAY_PURPOSES)[number];
export type StayEntry = z.output<typeof stayEntrySchema>;
export type StayEntryDraft = z.input<typeof stayEntrySchema>;
export type RegistrationChannel = (typeof REGISTRATION_CHANNELS)[number];
export type Registration = z.output<typeof registrationSchema>;
export type RegistrationDraft = z.input<typeof registrationSchema>;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export type Employment = z.output<typeof employmentSchema>;
export type EmploymentDraft = z.input<typeof employmentSchema>;
export type AminaStatus = z.output<typeof aminaStatusSchema>;
export type AminaStatusDraft = z.input<typeof aminaStatusSchema>;
export type LearnedHow = (typeof LEARNED_HOW)[number];
export type Impact = (typeof IMPACTS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type StatusChange = z.output<typeof statusChangeSchema>;
export type CaseIntake = z.output<typeof caseIntakeSchema>;
export type CaseIntakeDraft = z.input<typeof caseIntakeSchema>;
export type CaseRecord = z.output<typeof caseRecordSchema>;
export type IntakeForm = z.output<typeof intakeFormSchema>;
export type IntakeDraft = z.input<typeof intakeFormSchema>;

// ---------------------------------------------------------------- factories

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

const emptyName = (): PersonName => ({ surname: '', givenName: '', patronymic: '' });

/**
 * A blank intake form. Choices nobody has made are null and required text is '', so parsing it reports
 * `required` for those fields; everything with a sensible default (citizenship KG, document status
 * "current", booleans false) has it.
 */
export function emptyIntake(newId: () => string = randomId): IntakeDraft {
  return {
    person: {
      id: newId(),
      nameKy: emptyName(),
      nameRu: emptyName(),
      nameLat: emptyName(),
      patronymicForm: null,
      otherSpellings: [],
      sex: null,
      birthDate: null,
      placeOfBirth: '',
      citizenship: 'KG',
      pin: '',
      phones: [],
      email: '',
      ruPostalAddress: '',
      kgAddress: '',
      preferredLanguage: null,
      consentDate: '',
    },
    documents: [],
    stays: [],
    registrations: [],
    employments: [],
    amina: { registered: false, cardNumber: '', registeredDate: '', deregisteredDate: '' },
    case: {
      missionId: '',
      caseworker: '',
      region: '',
      learnedAt: '',
      learnedHow: null,
      learnedNote: '',
      impacts: [],
    },
  };
}

export function emptyDocument(id: string = randomId()): IdentityDocumentDraft {
  return { id, type: null, series: '', number: '', issueDate: '', issuer: '', expiryDate: '', status: 'current', usedForEntry: false };
}

export function emptyStay(id: string = randomId()): StayEntryDraft {
  return { id, entryDate: '', checkpoint: '', documentId: '', migrationCard: '', purpose: null, exitDate: '', exitRecorded: false };
}

export function emptyRegistration(id: string = randomId()): RegistrationDraft {
  return { id, address: '', host: '', from: '', to: '', how: null };
}

export function emptyEmployment(id: string = randomId()): EmploymentDraft {
  return {
    id,
    employer: '',
    employerInn: '',
    contractType: null,
    contractNumber: '',
    start: '',
    // Not open-ended by default: most contracts have an end date, and «бессрочный» must be a choice, not a default.
    end: '',
    earlyTerminationDate: '',
    employerNotifiedDate: '',
  };
}
