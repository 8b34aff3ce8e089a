import { db } from '../schema';
import {
  emptyDocument,
  emptyEmployment,
  emptyIntake,
  emptyRegistration,
  emptyStay,
  type IntakeDraft,
} from '../../../../shared/case/schema';
import { INTAKE_DRAFT_KEY } from '../cases/cases.repo';

/**
 * The intake draft: one row in `drafts`, the whole form as typed. It is written on every change so a
 * crash or a closed window loses nothing; createCase removes it together with the new case.
 */

export interface StoredDraft {
  data: IntakeDraft;
  savedAt: string;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);

function merge<T>(base: T, stored: unknown): T {
  return isObj(stored) ? ({ ...base, ...stored } as T) : base;
}

function mergeList<T>(stored: unknown, empty: (id: string) => T): T[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isObj).map((item) => merge(empty(typeof item.id === 'string' && item.id ? item.id : globalThis.crypto.randomUUID()), item));
}

/**
 * A stored draft brought up to the current form shape: a draft written by an older version may lack
 * fields added since, and the form needs every field present.
 */
export function restoreDraft(stored: unknown): IntakeDraft {
  const blank = emptyIntake();
  const data = isObj(stored) ? stored : {};
  const person = isObj(data.person) ? data.person : {};
  return {
    person: {
      ...merge(blank.person, person),
      nameKy: merge(blank.person.nameKy, person.nameKy),
      nameRu: merge(blank.person.nameRu, person.nameRu),
      nameLat: merge(blank.person.nameLat, person.nameLat),
      otherSpellings: Array.isArray(person.otherSpellings) ? person.otherSpellings.filter((s): s is string => typeof s === 'string') : [],
      phones: Array.isArray(person.phones) ? person.phones.filter((s): s is string => typeof s === 'string') : [],
    },
    documents: mergeList(data.documents, emptyDocument),
    stays: mergeList(data.stays, emptyStay),
    registrations: mergeList(data.registrations, emptyRegistration),
    employments: mergeList(data.employments, emptyEmployment),
    amina: merge(blank.amina, data.amina),
    case: { ...merge(blank.case, data.case), impacts: isObj(data.case) && Array.isArray(data.case.impacts) ? (data.case.impacts as IntakeDraft['case']['impacts']) : [] },
  };
}

export async function loadDraft(): Promise<StoredDraft | null> {
  const row = await db().drafts.get(INTAKE_DRAFT_KEY);
  return row ? { data: restoreDraft(row.data), savedAt: row.savedAt } : null;
}

export async function saveDraft(data: IntakeDraft, now: Date = new Date()): Promise<string> {
  const savedAt = now.toISOString();
  // structuredClone: the form's live object must not be shared with IndexedDB's pending write.
  await db().drafts.put({ key: INTAKE_DRAFT_KEY, data: structuredClone(data), savedAt });
  return savedAt;
}

export async function discardDraft(): Promise<void> {
  await db().drafts.delete(INTAKE_DRAFT_KEY);
}
