import { z } from 'zod';
import { isoDate, isoDateTime } from '../case/schema';
import { SENT_KINDS } from '../deadlines/facts';
import { SENT_REGIMES } from '../deadlines/settings';
import { checkReferenceIntegrity } from './integrity';

/**
 * Reference data (domain brief §2, §3, §7.1, §7.4, §10.3, §10.5): everything that depends on Russian law or
 * practice is data a senior caseworker can edit, never code. The factory copy lives in resources/reference/*.json
 * (one file per table, see ./load); a whole `ReferenceBundle` is what Settings edits, exports and imports.
 *
 * Every law-dependent item says how sure we are (`verification`) and where it comes from (`sources`):
 * - `verified`   — stated by a named source we trust (official text, or several independent reports);
 * - `unverified` — a single weak source or background knowledge: show it, never cite it as law;
 * - `gap`        — not found; the entry is a placeholder to be filled in later as data.
 */

export const REFERENCE_LIMITS = {
  id: 64,
  title: 300,
  text: 4000,
  note: 2000,
  url: 500,
  list: 500,
  address: 500,
  salutation: 200,
  city: 100,
  region: 200,
} as const;

export const VERIFICATIONS = ['verified', 'unverified', 'gap'] as const;
export type Verification = (typeof VERIFICATIONS)[number];
export const verificationSchema = z.enum(VERIFICATIONS);

/** Ids are stable keys that cases, attachments and audit rows refer to: letters, digits, `.`, `_`, `-`. */
export const referenceIdSchema = z
  .string()
  .min(1)
  .max(REFERENCE_LIMITS.id)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Explanations are written for caseworkers and citizens in Russian and Kyrgyz; English is optional. */
export const localizedTextSchema = z
  .object({
    ru: text(REFERENCE_LIMITS.text),
    ky: text(REFERENCE_LIMITS.text),
    en: optionalText(REFERENCE_LIMITS.text),
  })
  .strict();

export const sourceSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(REFERENCE_LIMITS.url)
      .regex(/^https?:\/\/\S+$/)
      .optional(),
    title: optionalText(REFERENCE_LIMITS.title),
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict()
  .refine((s) => Boolean(s.url || s.title || s.note), { message: 'A source needs a url, a title or a note' });

const sources = z.array(sourceSchema).max(50);
const idList = z.array(referenceIdSchema).max(REFERENCE_LIMITS.list);

// ---------------------------------------------------------------- ids the code understands

/**
 * Document templates a cause can ask to generate. The templates themselves are built elsewhere; the ids are
 * the contract between the reference data and the document generator.
 */
export const TEMPLATE_IDS = [
  'citizen_application_mission',
  'citizen_application_mvd',
  'mission_letter_mvd',
  'verbal_note_mfa',
  'cover_letter',
  'reminder',
  'complaint_superior',
  'name_spelling_certificate',
  'citizen_memo',
  'receipt',
  'batch_list_letter',
  'citizen_answer',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/**
 * Case-field checks the diagnosis knows how to evaluate (shared/diagnosis/checklist.ts). An evidence item names
 * one of them when the case data itself shows the evidence is at hand; a rule narrows them to the records it
 * is about (the contract with the gap, the replaced passport …), otherwise they look at all records.
 */
export const FIELD_PREDICATES = [
  'documents.current',
  'documents.previous',
  'stays.entry',
  'stays.migrationCard',
  'stays.purposeWork',
  'stays.exitDate',
  'registrations.any',
  'registrations.coversContract',
  'employment.contract',
  'employment.employerNotifiedDate',
  'employment.earlyTerminationDate',
  'employment.newContractAfterTermination',
  'amina.cardNumber',
  'amina.deregisteredDate',
  'person.otherSpellings',
  'person.nameLat',
  'person.nameKy',
  'registerCheck.listed',
  'registerCheck.eachDocument',
  'parents.listed',
] as const;
export type FieldPredicate = (typeof FIELD_PREDICATES)[number];

/** Diagnosis rules implemented in shared/diagnosis; a cause without a rule is chosen by hand only. */
export const RULE_IDS = [
  'registration_gap',
  'employer_notification',
  'early_termination',
  'amina_deregistration',
  'departure_not_recorded',
  'document_replaced',
  'name_spelling',
  'child_with_parents',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

// ---------------------------------------------------------------- tables

/** Grounds for inclusion in the register (I-1 … I-11 and the «Амина» trigger, domain §2.1). */
export const inclusionGroundSchema = z
  .object({
    id: referenceIdSchema,
    title: localizedTextSchema,
    description: localizedTextSchema,
    verification: verificationSchema,
    sources,
    legalRefs: idList,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict();

/** Grounds for exclusion (E-1 … E-3 confirmed, further items unverified or placeholders, domain §3.1). */
export const exclusionGroundSchema = inclusionGroundSchema;

export const groundsSchema = z
  .object({
    inclusion: z.array(inclusionGroundSchema).max(REFERENCE_LIMITS.list),
    exclusion: z.array(exclusionGroundSchema).max(REFERENCE_LIMITS.list),
  })
  .strict();

/**
 * One piece of evidence (domain §3.4). Causes list evidence by id, so one scan tagged `contract` counts for
 * every cause that needs the contract. Presence: the case field check `field` holds, or an attachment is
 * tagged with this id (when `attachment` is true).
 */
export const evidenceItemSchema = z
  .object({
    id: referenceIdSchema,
    label: localizedTextSchema,
    field: z.enum(FIELD_PREDICATES).nullable(),
    attachment: z.boolean(),
  })
  .strict()
  .refine((item) => item.field !== null || item.attachment, { message: 'Evidence must be detectable by a field or an attachment' });

/**
 * Fields of the case an argument may print: the leaves of shared/documents/arguments.ts `ArgumentFacts` (a test
 * keeps the two in step), and `law.cite`, the citation of the argument's legal reference while it is verified.
 */
export const ARGUMENT_FIELDS = [
  'gap.from',
  'gap.to',
  'gap.days',
  'contract.ref',
  'contract.number',
  'contract.start',
  'contract.end',
  'contract.employer',
  'registration.from',
  'registration.to',
  'registration.address',
  'notification.date',
  'termination.date',
  'newContract.ref',
  'newContract.start',
  'entry.date',
  'entry.checkpoint',
  'exit.date',
  'document.current',
  'document.previous',
  'names.recorded',
  'check.date',
  'check.document',
  'law.cite',
] as const;
const ARGUMENT_FIELD_SET: ReadonlySet<string> = new Set(ARGUMENT_FIELDS);

const ARGUMENT_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const CHECK_OPENING = /^Просим (?:также )?проверить/u;

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(ARGUMENT_PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * A paragraph a letter may print for a cause: the case's own facts, with their dates and documents, as
 * `{{field}}` placeholders (see shared/documents/arguments.ts), printed only when every evidence item it names
 * is present in the case's checklist. A paragraph that relies on law names the legal reference; it is printed
 * as the mission's statement (`{{law.cite}}`) only while that reference is verified, otherwise `checkText` —
 * a request to check («Просим проверить, не …») — is printed instead, or nothing. `version` counts edits
 * (bumped on every change, see ../reference/versioning), and a generated document records the versions it used.
 */
export const letterArgumentSchema = z
  .object({
    id: referenceIdSchema,
    version: z.number().int().min(1),
    text: text(REFERENCE_LIMITS.text),
    evidence: idList.min(1),
    legalRef: referenceIdSchema.nullable(),
    checkText: optionalText(REFERENCE_LIMITS.text),
  })
  .strict()
  .superRefine((a, ctx) => {
    // A misspelt field would silently keep the paragraph out of every letter: name it instead.
    for (const key of ['text', 'checkText'] as const) {
      for (const field of placeholdersOf(a[key] ?? '')) {
        if (!ARGUMENT_FIELD_SET.has(field)) ctx.addIssue({ code: 'custom', path: [key], message: 'unknown_placeholder', params: { code: 'unknown_placeholder', value: field } });
      }
    }
    const cites = placeholdersOf(a.text).some((p) => p.startsWith('law.'));
    if (cites && a.legalRef === null) ctx.addIssue({ code: 'custom', path: ['text'], message: 'A paragraph citing {{law.…}} names its legal reference' });
    if (a.checkText !== undefined) {
      if (!CHECK_OPENING.test(a.checkText)) ctx.addIssue({ code: 'custom', path: ['checkText'], message: 'A request to check begins «Просим проверить»' });
      if (placeholdersOf(a.checkText).some((p) => p.startsWith('law.'))) ctx.addIssue({ code: 'custom', path: ['checkText'], message: 'A request to check cites no law' });
    }
  });

/** A typical reason for an erroneous listing (R-1 … R-11, domain §3.3). */
export const errorCauseSchema = z
  .object({
    id: referenceIdSchema,
    title: localizedTextSchema,
    explanation: localizedTextSchema,
    /** The diagnosis rule that suggests this cause; null = the caseworker picks it by hand. */
    rule: z.enum(RULE_IDS).nullable(),
    /** Inclusion grounds this error usually produces. */
    inclusionGrounds: idList,
    /** The exclusion ground to claim when this cause is confirmed. */
    exclusionGround: referenceIdSchema,
    /** Evidence item ids, in the order the checklist shows them. */
    checklist: idList,
    documents: z.array(z.enum(TEMPLATE_IDS)).max(TEMPLATE_IDS.length),
    verification: verificationSchema,
    sources,
    legalRefs: idList,
    /** What letters may say about this cause; `explanation` is for the caseworker and is never printed. */
    arguments: z.array(letterArgumentSchema).max(40).default([]),
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict();

export const ADDRESSEE_KINDS = ['mfa', 'mvd_federal', 'mvd_regional'] as const;
export type AddresseeKind = (typeof ADDRESSEE_KINDS)[number];

/** A Russian body letters and notes go to (domain §7.4). */
export const addresseeSchema = z
  .object({
    id: referenceIdSchema,
    kind: z.enum(ADDRESSEE_KINDS),
    /** Federal subjects it serves (names as in shared/reference/regions.ts); empty for federal bodies. */
    regions: z.array(text(REFERENCE_LIMITS.region)).max(REFERENCE_LIMITS.list),
    /** Full name of the unit, nominative: «Управление по вопросам миграции ГУ МВД России по г. Москве». */
    nameRu: text(REFERENCE_LIMITS.title),
    /** The addressee block of a letter, dative: «Начальнику Управления по вопросам миграции …». */
    addresseeRu: text(REFERENCE_LIMITS.title),
    /** The body in the dative for a note's opening formula («… свидетельствует своё уважение …»). */
    noteAddresseeRu: optionalText(REFERENCE_LIMITS.title),
    salutation: text(REFERENCE_LIMITS.salutation),
    /** Postal address; '' when not known (then `addressVerification` is 'gap'). */
    address: z.string().trim().max(REFERENCE_LIMITS.address),
    addressVerification: verificationSchema,
    /** How sure we are of the name and competence. */
    verification: verificationSchema,
    /** Day someone checked the entry against an official source; null when nobody has. */
    verifiedOn: isoDate.nullable(),
    sources,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict()
  .refine((a) => a.address !== '' || a.addressVerification === 'gap', {
    message: 'An empty address must be marked as a gap',
    path: ['addressVerification'],
  })
  .refine((a) => a.verifiedOn === null || a.verification === 'verified', {
    message: 'Only a verified entry has a verification date',
    path: ['verifiedOn'],
  });

/** One federal subject in a mission's consular district, with how sure we are of the assignment. */
export const districtEntrySchema = z
  .object({
    region: text(REFERENCE_LIMITS.region),
    verification: verificationSchema,
  })
  .strict();

export const MISSION_KINDS = ['embassy', 'consulate_general'] as const;

/** A Kyrgyz mission in Russia and the federal subjects it serves (domain §7.1). */
export const missionSchema = z
  .object({
    id: referenceIdSchema,
    kind: z.enum(MISSION_KINDS),
    nameRu: text(REFERENCE_LIMITS.title),
    nameKy: text(REFERENCE_LIMITS.title),
    city: text(REFERENCE_LIMITS.city),
    address: z.string().trim().max(REFERENCE_LIMITS.address),
    addressVerification: verificationSchema,
    district: z.array(districtEntrySchema).max(REFERENCE_LIMITS.list),
    verification: verificationSchema,
    sources,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict()
  .refine((m) => m.address !== '' || m.addressVerification === 'gap', {
    message: 'An empty address must be marked as a gap',
    path: ['addressVerification'],
  });

export const TRANSFER_BASES = ['decree', 'labour_code'] as const;

/**
 * A moved day off: the weekend day `from` gives its rest to the weekday `to`. `to` becomes non-working;
 * `from` becomes a working day unless it is itself a holiday (a holiday stays non-working whatever happens).
 * `decree` = the Government's annual resolution; `labour_code` = the automatic rule of ТК РФ art. 112 p.2
 * (a weekend that coincides with a holiday outside January moves to the next working day).
 */
export const dayTransferSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    basis: z.enum(TRANSFER_BASES),
  })
  .strict();

/** The Russian production calendar of one year (five-day week). */
export const calendarYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Non-working public holidays (ТК РФ art. 112 p.1). */
    holidays: z.array(isoDate).max(50),
    transfers: z.array(dayTransferSchema).max(50),
    verification: verificationSchema,
    /** Legal reference id of the decree on moved days off, if there is one. */
    legalRef: referenceIdSchema.nullable(),
    sources,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const prefix = `${entry.year}-`;
    const holidays = new Set(entry.holidays);
    entry.holidays.forEach((day, i) => {
      if (!day.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: 'Date outside the year' });
    });
    entry.transfers.forEach((t, i) => {
      for (const key of ['from', 'to'] as const) {
        if (!t[key].startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['transfers', i, key], message: 'Date outside the year' });
      }
      if (!isWeekend(t.from)) ctx.addIssue({ code: 'custom', path: ['transfers', i, 'from'], message: 'A transferred day off comes from a Saturday or Sunday' });
      if (isWeekend(t.to) || holidays.has(t.to)) {
        ctx.addIssue({ code: 'custom', path: ['transfers', i, 'to'], message: 'A day off moves to a weekday that is not a holiday' });
      }
    });
  });

function isWeekend(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** A legal provision generated documents may quote — only when `verification` is 'verified'. */
export const legalRefSchema = z
  .object({
    id: referenceIdSchema,
    /** The act as Russian documents name it: «Федеральный закон от 02.05.2006 № 59-ФЗ «…»». */
    act: text(REFERENCE_LIMITS.title),
    /** Article / paragraph, e.g. «ст. 12 ч. 1»; '' for the act as a whole. */
    article: z.string().trim().max(REFERENCE_LIMITS.title),
    /** Date of the act, when known. */
    date: isoDate.nullable(),
    /** What it says, in plain Russian; never presented as a quotation. */
    summaryRu: text(REFERENCE_LIMITS.text),
    verification: verificationSchema,
    sources,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict();

/** Dates the code reads from the reference data; a senior caseworker corrects them without a code change. */
export const REFERENCE_DATE_IDS = ['register_start'] as const;
export type ReferenceDateId = (typeof REFERENCE_DATE_IDS)[number];

/**
 * A date that depends on law (domain §1: the register exists from 05.02.2025, 260-ФЗ): what the consistency
 * checks compare a case's dates with. Editable and marked with how sure we are, like every law-dependent item.
 */
export const referenceDateSchema = z
  .object({
    id: z.enum(REFERENCE_DATE_IDS),
    date: isoDate,
    verification: verificationSchema,
    legalRef: referenceIdSchema.nullable(),
    sources,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict();

/**
 * Which clock an outgoing document starts (domain §4.4): a legal term (`appeal`: 59-ФЗ art. 12 for a citizen's
 * own appeal), the mission's own follow-up interval, or none. Data, with how sure we are: a term marked
 * unverified still runs as a tracking aid and is shown as such, but no document states it as law.
 */
export const documentClockSchema = z
  .object({
    id: z.enum(SENT_KINDS),
    regime: z.enum(SENT_REGIMES),
    legalRef: referenceIdSchema.nullable(),
    verification: verificationSchema,
    sources,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict()
  .refine((c) => c.regime === 'appeal' || c.legalRef === null, { message: 'Only a legal term names a legal reference', path: ['legalRef'] });

/**
 * Terms in days the code reads from the reference data (calendar days, the day itself counted as the first):
 * - `registration_grace_entry`, `registration_grace_contract`: how long after an entry / a new contract's start a
 *   person may stay without (updated) registration, which the registration-gap timelines honour (domain §5.1,
 *   §10.3);
 * - `appeal_answer`: the mission's own term for answering a citizen's request to it. The Kyrgyz law on citizens'
 *   appeals was not checked (domain brief: no source), so the factory row is unverified and no document states it.
 */
export const REFERENCE_TERM_IDS = ['registration_grace_entry', 'registration_grace_contract', 'appeal_answer'] as const;
export type ReferenceTermId = (typeof REFERENCE_TERM_IDS)[number];

export const referenceTermSchema = z
  .object({
    id: z.enum(REFERENCE_TERM_IDS),
    days: z.number().int().min(0).max(365),
    verification: verificationSchema,
    legalRef: referenceIdSchema.nullable(),
    sources,
    note: optionalText(REFERENCE_LIMITS.note),
  })
  .strict();

export const referenceMetaSchema = z
  .object({
    version: z.number().int().min(1),
    updatedAt: isoDateTime,
  })
  .strict();

const bundleShape = z
  .object({
    version: z.number().int().min(1),
    updatedAt: isoDateTime,
    grounds: groundsSchema,
    evidence: z.array(evidenceItemSchema).max(REFERENCE_LIMITS.list),
    causes: z.array(errorCauseSchema).max(REFERENCE_LIMITS.list),
    addressees: z.array(addresseeSchema).max(REFERENCE_LIMITS.list),
    missions: z.array(missionSchema).max(REFERENCE_LIMITS.list),
    calendar: z.array(calendarYearSchema).max(200),
    legalRefs: z.array(legalRefSchema).max(REFERENCE_LIMITS.list),
    // An export made before dates existed still imports: the code then falls back to the factory values.
    dates: z.array(referenceDateSchema).max(REFERENCE_DATE_IDS.length).default([]),
    documentClocks: z.array(documentClockSchema).max(SENT_KINDS.length).default([]),
    terms: z.array(referenceTermSchema).max(REFERENCE_TERM_IDS.length).default([]),
  })
  .strict();

/**
 * The whole reference data set, as Settings edits, exports and imports it. Beyond the shape, ids are unique per
 * table and every id a row refers to exists (see ./integrity); such problems come out as custom issues whose
 * `params.code` names them.
 */
export const referenceBundleSchema = bundleShape.superRefine((bundle, ctx) => {
  for (const problem of checkReferenceIntegrity(bundle)) {
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.code, params: { code: problem.code, ...(problem.value ? { value: problem.value } : {}) } });
  }
});

export type LocalizedText = z.output<typeof localizedTextSchema>;
export type Source = z.output<typeof sourceSchema>;
export type InclusionGround = z.output<typeof inclusionGroundSchema>;
export type ExclusionGround = z.output<typeof exclusionGroundSchema>;
export type Grounds = z.output<typeof groundsSchema>;
export type EvidenceItem = z.output<typeof evidenceItemSchema>;
export type ErrorCause = z.output<typeof errorCauseSchema>;
export type LetterArgument = z.output<typeof letterArgumentSchema>;
export type Addressee = z.output<typeof addresseeSchema>;
export type DistrictEntry = z.output<typeof districtEntrySchema>;
export type Mission = z.output<typeof missionSchema>;
export type DayTransfer = z.output<typeof dayTransferSchema>;
export type CalendarYear = z.output<typeof calendarYearSchema>;
export type LegalRef = z.output<typeof legalRefSchema>;
export type ReferenceDate = z.output<typeof referenceDateSchema>;
export type DocumentClock = z.output<typeof documentClockSchema>;
export type ReferenceTerm = z.output<typeof referenceTermSchema>;
export type ReferenceMeta = z.output<typeof referenceMetaSchema>;
export type ReferenceBundle = z.output<typeof bundleShape>;
