import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../../../../shared/crypto/at-rest';
import { generateCases } from '../../../../../shared/seed/generate';
import { nameKey } from '../../../../../shared/names';
import { identifierKey } from '../../../../../shared/search/case-keys';
import { AryzDb, type OutgoingRow } from '../../../../../renderer/src/data/schema';
import { bulkCreateCases } from '../../../../../renderer/src/data/cases/bulk.repo';
import { CaseIndex } from '../../../../../renderer/src/data/cases/case-index.cache';
import { fillCaseSearch } from '../../../../../renderer/src/data/cases/case-search.repo';
import { entryOf, listRowOf } from '../../../../../renderer/src/data/cases/case-search-entry';
import { signInForTests } from '../../../support/signed-in';
import { actor, freshDb, searchableCases, selectDb } from '../../../support/db-fixtures';
import { dbWithRawView, stringsOf } from '../../../support/at-rest-db-fixtures';

const NOW = new Date('2026-11-02T10:00:00Z');

afterEach(() => signInForTests());

/** Every stored entry against what the tests' oracle derives from the cases, persons and register as stored. */
async function expectEntriesCurrent(db: AryzDb): Promise<void> {
  const oracle = await searchableCases(db);
  const entries = await db.caseSearch.toArray();
  expect(entries.map((e) => e.id).sort()).toEqual(oracle.map((c) => c.id).sort());
  const byId = new Map(entries.map((e) => [e.id, entryOf(e)]));
  for (const c of oracle) {
    const entry = byId.get(c.id)!;
    expect(entry.row, c.id).toEqual(listRowOf(c));
    expect([...entry.words].sort(), c.id).toEqual([...c.words].sort());
    expect(entry.sortName, c.id).toBe(c.sortName);
  }
}

const letter = (caseId: string, caseNumber: string, seq: number): OutgoingRow => ({
  number: `КР-Х-${seq}/26`,
  seq,
  year: 2026,
  date: '2026-11-02',
  caseId,
  caseNumber,
  personName: '',
  documentId: `d-${seq}`,
  addressee: '',
  title: '',
  status: 'registered',
  voidReason: '',
});

describe('the cases\' search entries', () => {
  it('follow every write of a case, its person and its outgoing numbers, in the same transaction', async () => {
    const db = freshDb();
    await bulkCreateCases(generateCases(6, 3), actor, { now: NOW });
    await expectEntriesCurrent(db);
    const [first, second, third] = await db.cases.orderBy('id').limit(3).toArray();

    // A case alone: its list row changes, its words stay.
    await db.cases.update(first!.id, { status: 'closed', updatedAt: '2026-11-03T10:00:00.000Z' });
    expect((await db.caseSearch.get(first!.id))!.status).toBe('closed');
    // Its person: the words of every case of that person change.
    const person = (await db.persons.get(second!.personId))!;
    await db.persons.put({ ...person, otherSpellings: ['Кубанычбеков'] });
    expect((await db.caseSearch.get(second!.id))!.entry.words).toContain(nameKey('Кубанычбеков'));
    // The register: a number added is a word of its case, and goes with the letter.
    await db.outgoing.add(letter(third!.id, third!.number, 7));
    expect((await db.caseSearch.get(third!.id))!.entry.words).toContain(identifierKey('КР-Х-7/26'));
    await expectEntriesCurrent(db);
    await db.outgoing.delete([2026, 7]);
    expect((await db.caseSearch.get(third!.id))!.entry.words).not.toContain(identifierKey('КР-Х-7/26'));
    // A letter moved to another case leaves the first one.
    await db.outgoing.add(letter(third!.id, third!.number, 8));
    await db.outgoing.put({ ...letter(first!.id, first!.number, 8) });
    expect((await db.caseSearch.get(third!.id))!.entry.words).not.toContain(identifierKey('КР-Х-8/26'));
    expect((await db.caseSearch.get(first!.id))!.entry.words).toContain(identifierKey('КР-Х-8/26'));
    // A case deleted takes its entry along; a person deleted leaves their cases with only their own words.
    await db.cases.delete(second!.id);
    expect(await db.caseSearch.get(second!.id)).toBeUndefined();
    await db.persons.delete(first!.personId);
    expect((await db.caseSearch.get(first!.id))!.entry.sortName).toBe('');
    await expectEntriesCurrent(db);
  });

  it('are left as they were by a transaction that fails', async () => {
    const db = freshDb();
    await bulkCreateCases(generateCases(3, 4), actor, { now: NOW });
    const target = (await db.cases.orderBy('id').first())!;
    const person = (await db.persons.get(target.personId))!;
    const before = await db.caseSearch.get(target.id);
    await expect(
      db.transaction('rw', [db.cases, db.persons], async () => {
        await db.persons.put({ ...person, otherSpellings: ['Кубанычбеков'] });
        await db.cases.update(target.id, { status: 'closed' });
        throw new Error('cut short');
      }),
    ).rejects.toThrow('cut short');
    expect(await db.caseSearch.get(target.id)).toEqual(before);
    await expectEntriesCurrent(db);
  });

  it('lie on disk as one sealed value per case, holding none of the person\'s values in readable form', async () => {
    const { db, raw } = await dbWithRawView();
    await bulkCreateCases(generateCases(4, 5), actor, { now: NOW });
    const view = await raw();
    const stored = (await view.table('caseSearch').toArray()) as Record<string, unknown>[];
    expect(stored).toHaveLength(4);
    for (const row of stored) {
      // The list row's plain fields (plain on the case too) beside the one sealed value.
      expect(Object.keys(row).sort()).toEqual(['caseworker', 'createdAt', 'entry', 'id', 'missionId', 'nextDeadline', 'number', 'personId', 'region', 'status', 'updatedAt']);
      expect(isSealed(row.entry)).toBe(true);
    }
    const secrets = (await db.persons.toArray()).flatMap((p) => [p.nameRu.surname, p.pin, ...p.documents.map((d) => d.number)]).filter((s) => s.length >= 4);
    const onDisk = stringsOf(stored).join('\n');
    for (const secret of secrets) expect(onDisk).not.toContain(secret);
    view.close();
  });

  it('missing ones are derived in batches, resumably, and entries of deleted cases removed', async () => {
    const { db, raw } = await dbWithRawView();
    await bulkCreateCases(generateCases(7, 6), actor, { now: NOW });
    // As a database from before the entries, with one left over from a case that is gone.
    const view = await raw();
    await view.table('caseSearch').clear();
    await view.table('caseSearch').put({ id: 'gone', entry: 'x' });
    view.close();
    // A run cut short after its first batch (a lock, a closed window) keeps what that batch committed.
    await expect(
      fillCaseSearch((done) => {
        if (done > 0) throw new Error('closed');
      }, 3),
    ).rejects.toThrow('closed');
    expect(await db.caseSearch.count()).toBe(3);
    const progress: [number, number][] = [];
    expect(await fillCaseSearch((done, total) => progress.push([done, total]), 3)).toBe(4);
    expect(progress).toEqual([[0, 4], [3, 4], [4, 4]]);
    await expectEntriesCurrent(db);
    expect(await fillCaseSearch(undefined, 3)).toBe(0);
  });

  it('are emptied by a schema upgrade that rewrites cases, and derived again before the index next builds', async () => {
    const indexedDB = new IDBFactory();
    const name = 'case-search-upgrade';
    const before = selectDb(new AryzDb(name, { indexedDB, IDBKeyRange }));
    await bulkCreateCases(generateCases(5, 7), actor, { now: NOW });
    before.close();
    // A later version whose upgrade changes a field every list row shows: the entries could not follow it.
    class Later extends AryzDb {
      constructor() {
        super(name, { indexedDB, IDBKeyRange });
        this.version(this.verno + 1)
          .stores({})
          .upgrade((tx) =>
            tx
              .table('cases')
              .toCollection()
              .modify((row: { caseworker: string }) => {
                row.caseworker = 'Иманалиев Бакыт';
              }),
          );
      }
    }
    const after = new Later();
    await after.open();
    expect(await after.caseSearch.count()).toBe(0);
    const index = new CaseIndex(after);
    await index.load();
    expect(index.size).toBe(5);
    expect(index.search([], [['caseworker', 'Иманалиев Бакыт']], { sort: 'updatedAt', direction: 'desc' })).toHaveLength(5);
    await expectEntriesCurrent(after);
    after.close();
  });
});
