import type { Transaction } from 'dexie';
import type { IdentityDocument, Person } from '../../../shared/case/schema';
import { caseSearchWords, duplicateNameKeys } from '../../../shared/search/case-keys';

type KeyedPerson = Pick<Person, 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings' | 'pin' | 'birthDate' | 'phones'> & {
  id: string;
  documents: Pick<IdentityDocument, 'series' | 'number'>[];
  dupKeys?: string[];
};

/**
 * Re-derives every stored search word and duplicate key from the records they come from, after the rules
 * that make them changed (v13: the soft sign before a vowel reads as the glide й; birth dates and phones
 * became search words). Each value is a pure function of the person, the case number and the case's
 * outgoing numbers, so running it twice writes the same values.
 */
export async function rederiveSearchKeys(tx: Transaction): Promise<void> {
  const persons = new Map<string, KeyedPerson>();
  await tx
    .table('persons')
    .toCollection()
    .modify((person: KeyedPerson) => {
      person.dupKeys = person.birthDate ? duplicateNameKeys(person) : [];
      persons.set(person.id, person);
    });
  const outgoing = new Map<string, string[]>();
  await tx
    .table('outgoing')
    .each((row: { caseId: string; number: string }) => {
      const list = outgoing.get(row.caseId);
      if (list) list.push(row.number);
      else outgoing.set(row.caseId, [row.number]);
    });
  await tx
    .table('cases')
    .toCollection()
    .modify((row: { id: string; personId: string; number: string; words: string[] }) => {
      const person = persons.get(row.personId);
      if (!person) return;
      row.words = caseSearchWords({ person, documents: person.documents ?? [], caseNumber: row.number, outgoingNumbers: outgoing.get(row.id) ?? [] });
    });
}
