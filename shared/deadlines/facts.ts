import { z } from 'zod';
import {
  idSchema,
  isoDate,
  isoDateTime,
  type AminaStatus,
  type CaseStatus,
  type Employment,
  type IdentityDocument,
  type PartialDate,
  type PatronymicForm,
  type PersonName,
  type Registration,
  type StayEntry,
} from '../case/schema';

/**
 * What the deadline engine and the diagnosis read about one case. The caller assembles it from the stored case,
 * person, correspondence and register checks; everything beyond the case and the person is optional because
 * those features arrive later (an absent list is an empty one).
 */

/** Outgoing items whose answers are tracked. Which clock each kind runs is a setting (./settings). */
export const SENT_KINDS = [
  'citizen_application',
  'citizen_complaint',
  'mission_letter',
  'verbal_note',
  'cover_letter',
  'reminder',
  'complaint_superior',
  'complaint_prosecutor',
  'court_claim',
] as const;
export type SentKind = (typeof SENT_KINDS)[number];

/** The 59-ФЗ answer term may be extended once by at most this many days (art. 12 p.2). */
export const MAX_EXTENSION_DAYS = 30;

export const sentItemSchema = z
  .object({
    id: idSchema,
    kind: z.enum(SENT_KINDS),
    sentAt: isoDate,
    /** The addressee received it (post tracking, receipt stamp). */
    receivedAt: isoDate.optional(),
    /** The addressee registered it (its incoming number date). */
    registeredAt: isoDate.optional(),
    /** The addressee forwarded it to another body (59-ФЗ art. 8 p.3). */
    forwardedAt: isoDate.optional(),
    /** The addressee extended its answer term (59-ФЗ art. 12 p.2). */
    extendedByDays: z.number().int().min(1).max(MAX_EXTENSION_DAYS).optional(),
    answeredAt: isoDate.optional(),
    /** For a reminder: the id of the item it chases. */
    follows: idSchema.optional(),
  })
  .strict();
export type SentItem = z.output<typeof sentItemSchema>;

export const registerCheckSchema = z
  .object({
    /** When the check was made; a date-time in Moscow time, or just the date. */
    at: z.union([isoDateTime, isoDate]),
    listed: z.boolean(),
    /** The identity document the check was made with, when known. */
    documentId: idSchema.optional(),
  })
  .strict();
export type RegisterCheck = z.output<typeof registerCheckSchema>;

/** An attached file, as the diagnosis sees it: tagged with the evidence item it proves, if any. */
export interface AttachmentRef {
  id: string;
  checklistItemId?: string;
  /** What the checklist names as the proof (the attachment's caption or file name); the id when absent. */
  label?: string;
}

/** A parent of a listed child, as far as the caseworker knows. */
export interface ParentLink {
  name?: string;
  caseId?: string;
  /** Whether the parent is in the register; null = not known. */
  listed: boolean | null;
}

export interface PersonFacts {
  documents: readonly IdentityDocument[];
  stays: readonly StayEntry[];
  registrations: readonly Registration[];
  employments: readonly Employment[];
  amina: AminaStatus;
  nameKy?: PersonName;
  nameRu?: PersonName;
  nameLat?: PersonName;
  otherSpellings?: readonly string[];
  patronymicForm?: PatronymicForm;
  birthDate?: PartialDate;
}

export interface CaseFacts {
  case: {
    /** The day the person learned of the listing (КАС art. 219 clock). */
    learnedAt: string;
    status: CaseStatus;
    region?: string;
  };
  person: PersonFacts;
  requests?: readonly SentItem[];
  registerChecks?: readonly RegisterCheck[];
  attachments?: readonly AttachmentRef[];
  parents?: readonly ParentLink[];
}

/** Case statuses after which nothing is due any more. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['excluded', 'refused', 'left_russia', 'closed'];

/** The calendar day of a check (its `at` is a Moscow date-time or a date). */
export function checkDay(check: Pick<RegisterCheck, 'at'>): string {
  return check.at.slice(0, 10);
}
