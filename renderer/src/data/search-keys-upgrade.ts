import type { Transaction } from 'dexie';
import type { Person } from '../../../shared/case/schema';
import { duplicateNameKeys } from '../../../shared/search/case-keys';

type KeyedPerson = Pick<Person, 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings' | 'birthDate'> & { dupKeys?: string[] };

/**
 * v13: re-derives every person's duplicate keys under the rules of that version (the soft sign before a vowel
 * reads as the glide й). It also re-derived the cases' search words then; since v14 those are no longer
 * stored (dropPlainSearchKeys runs in the same upgrade), so they are not computed only to be deleted.
 * Each key is a pure function of the person, so running it twice writes the same values.
 */
export async function rederiveSearchKeys(tx: Transaction): Promise<void> {
  await tx
    .table('persons')
    .toCollection()
    .modify((person: KeyedPerson) => {
      person.dupKeys = person.birthDate ? duplicateNameKeys(person) : [];
    });
}

/** The plaintext personal keys cases carried up to v13: search words and the name the list sorted by. */
export const DROPPED_CASE_FIELDS = ['words', 'sortName'] as const;

/**
 * v14: removes the search words and the sort name from every stored case (their indexes go with the
 * schema change). A row without them is left as it is, so running it twice changes nothing.
 */
export async function dropPlainSearchKeys(tx: Transaction): Promise<void> {
  await tx
    .table('cases')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      for (const field of DROPPED_CASE_FIELDS) if (field in row) delete row[field];
    });
}
