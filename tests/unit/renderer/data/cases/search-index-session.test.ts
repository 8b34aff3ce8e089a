import { afterEach, describe, expect, it } from 'vitest';
import { generateCases } from '../../../../../shared/seed/generate';
import { queryWords } from '../../../../../shared/search/case-keys';
import type { AryzDb } from '../../../../../renderer/src/data/schema';
import { bulkCreateCases } from '../../../../../renderer/src/data/cases/bulk.repo';
import { CaseIndex, caseIndexOf, type CaseIndexStatus } from '../../../../../renderer/src/data/cases/case-index.cache';
import { openCaseList, type CaseQuery } from '../../../../../renderer/src/data/cases/list-query.repo';
import { keepSearchIndexWithSession } from '../../../../../renderer/src/data/cases/search-index-session';
import { endSession, lockLocally } from '../../../../../renderer/src/lib/session';
import { signInForTests } from '../../../support/signed-in';
import { actor, freshDb, searchableCases } from '../../../support/db-fixtures';

const NOW = new Date('2026-11-02T10:00:00Z');
const q = (text: string, extra: Partial<CaseQuery> = {}): CaseQuery => ({ text, filters: {}, sort: 'updatedAt', direction: 'desc', ...extra });

async function seeded(n: number): Promise<AryzDb> {
  const db = freshDb();
  await bulkCreateCases(generateCases(n, 5), actor, { now: NOW });
  return db;
}

async function found(db: AryzDb, text: string, extra: Partial<CaseQuery> = {}): Promise<string[]> {
  const list = await openCaseList(q(text, extra));
  return (await list.page(0, 1000)).map((row) => row.id);
}

/** Settles within a few turns of the event loop, or answers 'pending'. */
async function settled<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 50))]);
}

// Every test file starts signed in (tests/unit/support/signed-in.ts); the session tests end it themselves.
afterEach(() => signInForTests());

describe('building the search index', () => {
  it('reads the cases\' search entries in slices, telling how far it is, and files every case', async () => {
    const db = await seeded(23);
    const index = new CaseIndex(db, { slice: 5 });
    const seen: CaseIndexStatus[] = [];
    index.subscribe(() => seen.push(index.status()));
    await index.load();
    expect(index.ready).toBe(true);
    expect(index.size).toBe(23);
    // 23 entries (written with the cases: none to derive) in slices of 5: progress after each slice, then ready.
    expect(seen.length).toBeGreaterThanOrEqual(1 + 5 + 1);
    expect(seen.every((s) => s.total === 23)).toBe(true);
    const done = seen.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.slice(0, -1).every((s) => !s.ready)).toBe(true);
    expect(seen.at(-1)).toEqual({ ready: true, done: 23, total: 23 });
    // The words come from the persons: every case is found by its surname, ПИН and document as stored.
    const all = await searchableCases(db);
    for (const row of all.slice(0, 5)) {
      for (const text of [row.summary.nameRu.split(' ')[0]!, row.summary.pin, row.summary.document]) {
        if (!text) continue;
        const hits = index.search(queryWords(text), [], { sort: 'updatedAt', direction: 'desc' });
        expect(hits.map((h) => h.id), text).toContain(row.id);
      }
    }
  });

  it('derives the entries a database does not have yet before it reads them, counting them in its progress', async () => {
    const db = await seeded(12);
    const expected = await found(db, '', { sort: 'sortName', direction: 'asc' });
    // As a database from before the entries (or one an upgrade emptied): cases, persons, no entries.
    await db.caseSearch.clear();
    const index = new CaseIndex(db, { slice: 5 });
    const seen: CaseIndexStatus[] = [];
    index.subscribe(() => seen.push(index.status()));
    await index.load();
    expect(await db.caseSearch.count()).toBe(12);
    expect(index.size).toBe(12);
    expect(seen.at(-1)).toEqual({ ready: true, done: 24, total: 24 });
    expect(index.search([], [], { sort: 'sortName', direction: 'asc' }).map((row) => row.id)).toEqual(expected);
  });

  it('sorts by name from the persons, though no case row stores the name', async () => {
    const db = await seeded(15);
    const all = await searchableCases(db);
    const stored = await db.cases.toArray();
    expect(stored.some((row) => 'sortName' in row || 'words' in row)).toBe(false);
    const byName = [...all].sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1)).map((r) => r.id);
    expect(await found(db, '', { sort: 'sortName', direction: 'asc' })).toEqual(byName);
    expect(await found(db, '', { sort: 'sortName', direction: 'desc' })).toEqual([...byName].reverse());
  });

  it('follows a person written alone and a number added to the outgoing register', async () => {
    const db = await seeded(8);
    const index = caseIndexOf();
    await index.load();
    const target = (await db.cases.orderBy('id').first())!;
    const person = (await db.persons.get(target.personId))!;
    expect(await found(db, 'Кубанычбеков')).toEqual([]);
    // Only the persons table is written: the index re-files the cases of that person.
    await db.persons.put({ ...person, otherSpellings: ['Кубанычбеков'] });
    expect(await found(db, 'Кубанычбеков')).toEqual([target.id]);
    expect(await found(db, 'КР-Х-99/26')).toEqual([]);
    await db.outgoing.add({ number: 'КР-Х-99/26', seq: 99, year: 2026, date: '2026-11-02', caseId: target.id, caseNumber: target.number, personName: '', documentId: 'd-x', addressee: '', title: '', status: 'registered', voidReason: '' });
    expect(await found(db, 'КР-Х-99/26')).toEqual([target.id]);
    expect(await found(db, 'Кубанычбеков')).toEqual([target.id]);
  });
});

describe('the search index and the session', () => {
  it('is built only once a session holds the key, and dropped on lock and sign-out', async () => {
    const db = await seeded(12);
    const index = caseIndexOf();
    const all = await searchableCases(db);
    const surname = all[0]!.summary.nameRu.split(' ')[0]!;
    endSession();
    const stop = keepSearchIndexWithSession();
    try {
      // Nobody signed in: nothing is read, and a search waits rather than answering from nothing.
      const early = found(db, surname);
      expect(await settled(early)).toBe('pending');
      expect(index.size).toBe(0);
      expect(index.status()).toMatchObject({ ready: false, done: 0 });

      signInForTests();
      const hits = await early;
      expect(hits).toContain(all[0]!.id);
      expect(index.ready).toBe(true);
      expect(index.size).toBe(12);

      lockLocally();
      expect(index.ready).toBe(false);
      expect(index.size).toBe(0);
      expect(index.didYouMean(surname.slice(0, -1))).toBeNull();
      const whileLocked = found(db, surname);
      expect(await settled(whileLocked)).toBe('pending');

      signInForTests();
      expect(await whileLocked).toEqual(hits);
      expect(index.size).toBe(12);

      endSession();
      expect(index.size).toBe(0);
      expect(index.ready).toBe(false);
    } finally {
      stop();
    }
  });

  it('stops a build cut short by a lock, and builds again after the unlock', async () => {
    await seeded(30);
    const index = caseIndexOf();
    endSession();
    const stop = keepSearchIndexWithSession();
    try {
      signInForTests();
      const building = index.load();
      lockLocally();
      expect(await settled(building)).toBe('pending');
      expect(index.size).toBe(0);
      signInForTests();
      await building;
      expect(index.ready).toBe(true);
      expect(index.size).toBe(30);
    } finally {
      stop();
    }
  });
});
