import { z } from 'zod';
import { suggestedFileName } from '../file-name';
import {
  employmentSchema,
  identityDocumentSchema,
  IMPACTS,
  isoDate,
  LEARNED_HOW,
  partialDateSchema,
  personNameRuSchema,
  personNameSchema,
  personSchema,
  DOCUMENT_TYPES,
  registrationSchema,
  stayEntrySchema,
} from '../../case/schema';
import { APPEAL_CHANNELS, APPEAL_LIMITS } from '../../appeals/appeal';
import { documentRefusalSchema } from '../../documents/requisites';
import { documentTemplateSchema } from '../../documents/template-schema';
import { addresseeSchema, legalRefSchema, letterArgumentSchema, localizedTextSchema, referenceIdSchema } from '../../reference/schema';
import { caseworkerProfileSchema, missionSettingsSchema } from '../../settings/schema';

/**
 * Generated documents: main renders a template with the inputs the page gathered from the case, stores the PDF
 * under `<dataDir>/cases/<caseId>/`, and later opens, prints or saves a copy of it. The page names a stored file
 * only by its path relative to `<dataDir>/cases`; main checks that it stays there.
 */

const short = (max: number) => z.string().max(max);
const LINE = 500;
const TEXT = 4000;

const attachmentInputSchema = z
  .object({
    title: z.string().trim().min(1).max(LINE),
    sheets: z.number().int().min(1).max(9999),
    copies: z.number().int().min(1).max(99),
    original: z.boolean().optional(),
    pages: z.number().int().min(1).max(9999).optional(),
  })
  .strict();

const numberDate = z.object({ number: short(100), date: z.union([z.literal(''), isoDate]) }).strict();

/** The inputs of buildDocumentModel (shared/documents/model.ts), checked as strictly as the case itself. */
export const documentInputsSchema = z
  .object({
    date: isoDate,
    mission: missionSettingsSchema,
    place: short(200).optional(),
    caseworker: caseworkerProfileSchema,
    signatory: z.object({ position: short(LINE), fullName: short(300) }).strict().nullable().optional(),
    person: personSchema,
    documents: z.array(identityDocumentSchema).max(50),
    stays: z.array(stayEntrySchema).max(200).optional(),
    registrations: z.array(registrationSchema).max(200).optional(),
    employments: z.array(employmentSchema).max(200).optional(),
    caseRecord: z
      .object({
        number: short(100),
        region: short(200),
        learnedAt: z.union([z.literal(''), isoDate]).optional(),
        learnedHow: z.enum(LEARNED_HOW).nullable().optional(),
        learnedNote: short(TEXT).optional(),
        impacts: z.array(z.enum(IMPACTS)).max(IMPACTS.length).optional(),
      })
      .strict(),
    addressee: addresseeSchema.nullable().optional(),
    outgoing: numberDate.nullable().optional(),
    theirs: numberDate.nullable().optional(),
    previous: z
      .object({
        number: short(100),
        date: z.union([z.literal(''), isoDate]),
        addressee: short(LINE).optional(),
        incomingNumber: short(100).optional(),
        incomingDate: z.union([z.literal(''), isoDate]).optional(),
      })
      .strict()
      .nullable()
      .optional(),
    answer: z
      .object({ number: short(100).optional(), date: z.union([z.literal(''), isoDate]).optional(), summary: short(TEXT).optional() })
      .strict()
      .nullable()
      .optional(),
    attachments: z.array(attachmentInputSchema).max(60).optional(),
    cause: z.object({ id: referenceIdSchema.optional(), title: localizedTextSchema, arguments: z.array(letterArgumentSchema).max(40).optional() }).strict().nullable().optional(),
    evidence: z.array(referenceIdSchema).max(500).optional(),
    statement: short(TEXT).optional(),
    registerCheck: z.object({ date: isoDate, document: short(LINE) }).strict().nullable().optional(),
    legalRefs: z.array(legalRefSchema).max(500).optional(),
    citizens: z
      .array(
        z
          .object({
            person: z
              .object({ nameRu: personNameRuSchema, nameKy: personNameSchema, nameLat: personNameSchema, birthDate: partialDateSchema, pin: short(50) })
              .strict(),
            document: z.object({ type: z.enum(DOCUMENT_TYPES), series: short(20), number: short(50) }).strict().nullable().optional(),
          })
          .strict(),
      )
      .max(5000)
      .optional(),
    sent: z
      .array(z.object({ title: short(LINE), titleKy: short(LINE).optional(), addressee: short(LINE), number: short(100), date: isoDate }).strict())
      .max(100)
      .optional(),
    answerDue: z.union([z.literal(''), isoDate]).nullable().optional(),
    expectedAnswer: z
      .object({ title: short(LINE), titleKy: short(LINE), number: short(100), date: z.union([z.literal(''), isoDate]), due: isoDate, appeal: z.boolean() })
      .strict()
      .nullable()
      .optional(),
    appeal: z
      .object({
        receivedOn: isoDate,
        channel: z.enum(APPEAL_CHANNELS),
        request: short(APPEAL_LIMITS.request),
        answeredOn: isoDate.optional(),
        answerText: short(APPEAL_LIMITS.answer).optional(),
      })
      .strict()
      .nullable()
      .optional(),
    spellingSources: z.record(short(300), short(LINE)).optional(),
    maxVariants: z.number().int().min(0).max(64).optional(),
  })
  .strict();

/**
 * A stored document's path relative to `<dataDir>/cases`: `<caseId>/<file>.pdf`, plain names only. Main checks
 * the resolved path again (links included) before touching the file.
 */
export const storedPdfPath = z
  .string()
  .max(300)
  .regex(/^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.pdf$/, 'Expected <caseId>/<file>.pdf')
  .refine((p) => !p.split('/').some((part) => part === '.' || part === '..'), 'No dot segments');

const fileName = suggestedFileName();

const generatedFileSchema = z.object({
  relPath: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  pages: z.number().int().positive(),
});

/** A document that cannot be made from the case answers with the one refusal of shared/documents/requisites.ts. */
const refusalSchema = documentRefusalSchema;

const idPart = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const DOCUMENTS_CHANNELS = {
  /** Renders one document and stores it; refuses (naming them) while mandatory requisites are missing. */
  'documents:generate': {
    request: z.object({ caseId: idPart, documentId: idPart, template: documentTemplateSchema, inputs: documentInputsSchema }).strict(),
    response: z.discriminatedUnion('status', [generatedFileSchema.extend({ status: z.literal('generated') }), refusalSchema]),
    maxPayloadChars: 3_000_000,
  },
  /**
   * The same rendering without storing anything, for the review's preview: the PDF travels as base64 so it
   * crosses the browser-mode bridge (JSON) unchanged.
   */
  'documents:preview': {
    request: z.object({ template: documentTemplateSchema, inputs: documentInputsSchema }).strict(),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('rendered'), pdfBase64: z.string().min(1), pages: z.number().int().positive(), bytes: z.number().int().positive() }),
      refusalSchema,
    ]),
    maxPayloadChars: 3_000_000,
  },
  /** The system viewer (a download in browser mode). */
  'documents:open': {
    request: z.object({ relPath: storedPdfPath }).strict(),
    response: z.object({ status: z.enum(['opened', 'missing']) }),
  },
  /** A copy wherever the user picks (native save dialog; a download in browser mode). */
  'documents:saveAs': {
    request: z.object({ relPath: storedPdfPath, fileName: fileName.optional() }).strict(),
    response: z.object({ status: z.enum(['saved', 'canceled', 'missing']), fileName: z.string() }),
  },
  /** The system print dialog through a viewer (never silent); in browser mode the same as open. */
  'documents:print': {
    request: z.object({ relPath: storedPdfPath }).strict(),
    response: z.object({ status: z.enum(['opened', 'missing']) }),
  },
} as const;

export type DocumentInputsPayload = z.input<typeof documentInputsSchema>;
