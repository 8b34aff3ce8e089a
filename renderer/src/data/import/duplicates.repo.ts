import { db } from '../schema';
import type { CaseStatus } from '../../../../shared/case/schema';
import type { DuplicateKeys } from '../../../../shared/import/check';
import type { IndexableType } from 'dexie';
import type { CaseRow } from '../schema';
import type { DuplicateReason } from '../cases/cases.repo';
import { indexKeys } from '../at-rest/keys';

/** A case already in the database that a row of the file looks like. */
export interface DbMatch {
  caseId: string;
  caseNumber: string;
  name: string;
  status: CaseStatus;
  reasons: DuplicateReason[];
}

/** Index entries per looked-up key below which reading the whole index beats seeking each key. */
const SCAN_FACTOR = 4;

type PersonKeyIndex = 'pinKey' | 'docKeys' | 'dupKeys';

/**
 * Which persons each of `keys` leads to through one persons index. `anyOf` seeks the index key by key, one round
 * trip between the page and IndexedDB per step (about 50–90 µs in Chromium); a plain key cursor is prefetched in
 * batches (about 20 µs per entry). So an index with few entries for the keys asked is read whole and matched here,
 * and a large one is still sought key by key. Only keys are read, never the person rows.
 */
async function personsByKey(index: PersonKeyIndex, plainKeys: readonly string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  if (plainKeys.length === 0) return found;
  // The index holds keyed hashes (at-rest/fields.ts): look up those, answer by the plain keys asked.
  const hashed = indexKeys(plainKeys);
  const keys = [...hashed.keys()];
  const add = (key: IndexableType, personId: IndexableType) => {
    const plain = hashed.get(key as string)!;
    const set = found.get(plain) ?? new Set<string>();
    set.add(personId as string);
    found.set(plain, set);
  };
  const entries = await db().persons.orderBy(index).count();
  if (entries <= SCAN_FACTOR * keys.length) {
    const wanted = new Set(keys);
    await db().persons.orderBy(index).eachKey((key, cursor) => {
      if (wanted.has(key as string)) add(key, cursor.primaryKey);
    });
  } else {
    await db().persons.where(index).anyOf(keys).eachKey((key, cursor) => add(key, cursor.primaryKey));
  }
  return found;
}

/**
 * The same rule as `findDuplicates` at intake (same ПИН, any same document number, same normalised name +
 * birth date, by the same derived keys), for a whole file at once: three index look-ups for all rows
 * together instead of three per row, which is what makes a 10,000-row dry run take seconds.
 */
export async function matchInDatabase(keys: readonly DuplicateKeys[]): Promise<Map<number, DbMatch[]>> {
  const pins = [...new Set(keys.map((k) => k.pin).filter(Boolean))];
  const docs = [...new Set(keys.flatMap((k) => k.docKeys))];
  const names = [...new Set(keys.flatMap((k) => k.dupKeys))];
  const [pinIndex, docIndex, nameIndex] = await Promise.all([personsByKey('pinKey', pins), personsByKey('docKeys', docs), personsByKey('dupKeys', names)]);
  const personIds = new Set([pinIndex, docIndex, nameIndex].flatMap((index) => [...index.values()].flatMap((ids) => [...ids])));
  const result = new Map<number, DbMatch[]>();
  if (personIds.size === 0) return result;
  const casesByPerson = new Map<string, CaseRow[]>();
  for (const c of await db().cases.where('personId').anyOf([...personIds]).toArray()) {
    casesByPerson.set(c.personId, [...(casesByPerson.get(c.personId) ?? []), c]);
  }
  keys.forEach((k, index) => {
    const reasons = new Map<string, Set<DuplicateReason>>();
    const add = (ids: Set<string> | undefined, reason: DuplicateReason) => {
      for (const id of ids ?? []) reasons.set(id, (reasons.get(id) ?? new Set()).add(reason));
    };
    if (k.pin) add(pinIndex.get(k.pin), 'pin');
    for (const d of k.docKeys) add(docIndex.get(d), 'document');
    for (const n of k.dupKeys) add(nameIndex.get(n), 'name_birth');
    if (reasons.size === 0) return;
    const matches: DbMatch[] = [];
    for (const [personId, why] of reasons) {
      for (const c of casesByPerson.get(personId) ?? []) {
        matches.push({ caseId: c.id, caseNumber: c.number, name: c.summary.nameRu, status: c.status, reasons: [...why] });
      }
    }
    if (matches.length > 0) result.set(index, matches.sort((a, b) => b.reasons.length - a.reasons.length || a.caseNumber.localeCompare(b.caseNumber)));
  });
  return result;
}
