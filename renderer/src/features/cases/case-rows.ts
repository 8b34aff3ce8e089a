import { addMonthsIso } from '../../../../shared/case/deadline-dates';
import type { CaseRecord, IdentityDocument, IntakeForm, Person } from '../../../../shared/case/schema';
import {
  caseSearchWords,
  documentKeys,
  duplicateNameKeys,
  fullName,
  pinKey,
  sortNameOf,
} from '../../../../shared/search/case-keys';
import { NO_DEADLINE, type CaseRow, type CaseSummary, type PersonRow } from '../../db/db';

const CLOSED: ReadonlySet<CaseRecord['status']> = new Set(['excluded', 'refused', 'left_russia', 'closed']);

export type PersonData = Omit<PersonRow, 'pinKey' | 'docKeys' | 'dupKeys' | 'createdAt' | 'updatedAt'>;

/** The person part of an intake form as one record. */
export function personDataFromIntake(form: IntakeForm): PersonData {
  return {
    ...form.person,
    documents: form.documents,
    stays: form.stays,
    registrations: form.registrations,
    employments: form.employments,
    amina: form.amina,
  };
}

export function currentDocument(documents: readonly IdentityDocument[]): IdentityDocument | undefined {
  return documents.find((d) => d.status === 'current') ?? documents[documents.length - 1];
}

/**
 * Earliest dated obligation of an open case: the 3-month court limit from the day the person learned of
 * the listing (КАС art. 219) and the expiry of a current identity document. The deadlines engine adds more.
 */
export function nextDeadlineOf(record: Pick<CaseRecord, 'status' | 'learnedAt'>, person: Pick<PersonRow, 'documents'>): string {
  if (CLOSED.has(record.status)) return NO_DEADLINE;
  const dates = [addMonthsIso(record.learnedAt, 3)];
  for (const doc of person.documents) if (doc.status === 'current') dates.push(doc.expiryDate);
  return dates.sort()[0] ?? NO_DEADLINE;
}

export function personRow(data: PersonData, createdAt: string, updatedAt: string): PersonRow {
  return {
    ...data,
    pinKey: pinKey(data.pin),
    docKeys: documentKeys(data.documents),
    dupKeys: duplicateNameKeys(data),
    createdAt,
    updatedAt,
  };
}

export function summaryOf(person: PersonData): CaseSummary {
  const doc = currentDocument(person.documents);
  return {
    nameRu: fullName(person.nameRu),
    nameKy: fullName(person.nameKy),
    nameLat: fullName(person.nameLat),
    birthDate: person.birthDate,
    pin: person.pin,
    document: doc ? `${doc.series}${doc.number}` : '',
  };
}

/** Recomputes every derived field of a case row from the record and its person. */
export function caseRow(record: CaseRecord, person: PersonData, extra: Pick<CaseRow, 'duplicateOverride'> = {}, outgoingNumbers: string[] = []): CaseRow {
  return {
    ...record,
    ...extra,
    words: caseSearchWords({ person, documents: person.documents, caseNumber: record.number, outgoingNumbers }),
    sortName: sortNameOf(person),
    nextDeadline: nextDeadlineOf(record, person),
    summary: summaryOf(person),
  };
}

export type { Person };
