import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AryzDb, selectDatabaseForTests, type CaseRow } from '../../../renderer/src/data/schema';
import { caseSearchWords, sortNameOf } from '../../../shared/search/case-keys';
import type { Actor } from '../../../renderer/src/data/cases/cases.repo';

let n = 0;
/**
 * A fresh database per test: its own IndexedDB factory, nothing shared. It becomes the database every data-layer
 * function uses (until the next freshDb or selectDb); the handle is for reading tables back.
 */
export function freshDb(): AryzDb {
  return selectDb(new AryzDb(`test-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
}

/** Makes `database` the one the data layer uses (a test that plays two PCs switches between them). */
export function selectDb<T extends AryzDb>(database: T): T {
  selectDatabaseForTests(database);
  return database;
}

export const actor: Actor = { who: 'Токтогулов Нурлан', missionId: 'mKR', missionPrefix: 'КР-М' };

export { intake } from '../../fixtures/intakes';

/** A case row with the search words and the sort name the in-memory index derives for it. */
export type SearchableCase = CaseRow & { words: string[]; sortName: string };

/**
 * Every case with its search words and sort name, derived here from the persons, cases and outgoing register
 * as stored (the database holds neither since v14): the tests' oracle for the in-memory index.
 */
export async function searchableCases(db: AryzDb): Promise<SearchableCase[]> {
  const [cases, persons, outgoing] = await Promise.all([db.cases.toArray(), db.persons.toArray(), db.outgoing.toArray()]);
  const personOf = new Map(persons.map((p) => [p.id, p]));
  return cases.map((row) => {
    const person = personOf.get(row.personId);
    const numbers = outgoing.filter((o) => o.caseId === row.id).map((o) => o.number);
    const words = person ? caseSearchWords({ person, documents: person.documents, caseNumber: row.number, outgoingNumbers: numbers }) : caseSearchWords({ person: { nameKy: EMPTY_NAME, nameRu: EMPTY_NAME, nameLat: EMPTY_NAME, otherSpellings: [], pin: '' }, documents: [], caseNumber: row.number, outgoingNumbers: numbers });
    return { ...row, words, sortName: person ? sortNameOf(person) : '' };
  });
}

const EMPTY_NAME = { surname: '', givenName: '', patronymic: '' };
