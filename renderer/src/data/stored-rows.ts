import type { AminaStatus, CaseRecord, Employment, IdentityDocument, PartialDate, Person, Registration, StayEntry } from '../../../shared/case/schema';
import type { ClockId } from '../../../shared/deadlines/settings';
import type { DiagnosisChoice } from '../../../shared/diagnosis/choice';

/** A person with the history records that belong to them, plus derived keys for duplicate detection. */
export interface PersonRow extends Person {
  documents: IdentityDocument[];
  stays: StayEntry[];
  registrations: Registration[];
  employments: Employment[];
  amina: AminaStatus;
  /** ПИН digits only. */
  pinKey: string;
  /** Every document's number, with and without series, normalised. */
  docKeys: string[];
  /** Sorted name keys + birth date, one per spelling. */
  dupKeys: string[];
  createdAt: string;
  updatedAt: string;
}

/** What the list shows without loading the person. */
export interface CaseSummary {
  nameRu: string;
  nameKy: string;
  nameLat: string;
  birthDate: PartialDate;
  pin: string;
  document: string;
}

/**
 * A case as stored. It holds no search words and no sort name: those are personal (name keys, ПИН,
 * document numbers), so they live only in the in-memory index built after sign-in (cases/case-index.cache.ts).
 */
export interface CaseRow extends CaseRecord {
  /** Earliest open deadline as an ISO date; '9999-12-31' when none, so every case stays in the index. */
  nextDeadline: string;
  /** Which clock that deadline belongs to. */
  nextDeadlineClock: ClockId | null;
  /** Next planned check of the register; '9999-12-31' when none. */
  nextCheck: string;
  /** The work queue's entries `<action>|<due>` (shared/deadlines/actions.ts), one per open clock someone can act on. */
  actions: string[];
  /** The caseworker's confirmed or overridden diagnosis. */
  diagnosis?: DiagnosisChoice;
  summary: CaseSummary;
  /** Set when the caseworker saved despite a duplicate warning. */
  duplicateOverride?: { reason: string; matchedCaseIds: string[] };
}
