import type { CaseRecord, IdentityDocument, IntakeForm, Person } from '../../../../shared/case/schema';
import { documentKeys, duplicateNameKeys, fullName, pinKey } from '../../../../shared/search/case-keys';
import type { CaseRow, CaseSummary, PersonRow } from '../schema';
import { caseTracking, type TrackingInput } from '../tracking/case-tracking';

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

/**
 * Recomputes every derived field of a case row from the record, its person and (when given) the requests,
 * register checks and production calendar that drive its deadlines.
 */
export function caseRow(
  record: CaseRecord,
  person: PersonData,
  extra: Pick<CaseRow, 'duplicateOverride' | 'diagnosis'> = {},
  tracking?: TrackingInput,
): CaseRow {
  return {
    ...record,
    ...extra,
    ...caseTracking(record, person, tracking),
    summary: summaryOf(person),
  };
}

export type { Person };
