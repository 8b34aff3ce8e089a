import { describe, expect, it } from 'vitest';
import { generateCases } from '../../../../../shared/seed/generate';
import type { AryzDb } from '../../../../../renderer/src/data/schema';
import { bulkCreateCases } from '../../../../../renderer/src/data/cases/bulk.repo';
import { caseIndexOf } from '../../../../../renderer/src/data/cases/case-index.cache';
import { openCaseList, scanCases, type CaseQuery } from '../../../../../renderer/src/data/cases/list-query.repo';
import { changeStatus, createCase, updateField } from '../../../../../renderer/src/data/cases/cases.repo';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AryzDb as Db } from '../../../../../renderer/src/data/schema';
import { actor, freshDb, intake, searchableCases, selectDb, type SearchableCase } from '../../../support/db-fixtures';

const NOW = new Date('2026-11-02T10:00:00Z');

async function seeded(n = 80) {
  const db = freshDb();
  await bulkCreateCases(generateCases(n, 7), actor, { now: NOW });
  return db;
}

function oracle(all: SearchableCase[], query: CaseQuery): string[] {
  const hits = new Set(scanCases(all, query.text));
  const dir = query.direction === 'asc' ? 1 : -1;
  return all
    .filter((r) => hits.has(r.id) && Object.entries(query.filters).every(([k, v]) => !v || r[k as keyof SearchableCase] === v))
    .sort((a, b) => dir * (a[query.sort] < b[query.sort] ? -1 : a[query.sort] > b[query.sort] ? 1 : a.id < b.id ? -1 : 1))
    .map((r) => r.id);
}

async function ids(db: AryzDb, query: CaseQuery): Promise<string[]> {
  const handle = await openCaseList(query);
  const rows = await handle.page(0, 10_000);
  expect(rows.length).toBe(handle.count);
  return rows.map((r) => r.id);
}

const q = (text: string, extra: Partial<CaseQuery> = {}): CaseQuery => ({ text, filters: {}, sort: 'updatedAt', direction: 'desc', ...extra });

describe('the in-memory case index', () => {
  it('answers every query exactly as a scan of the database would, in list order', async () => {
    const db = await seeded();
    const index = caseIndexOf();
    await index.load();
    expect(index.ready).toBe(true);
    expect(index.size).toBe(80);
    const all = await searchableCases(db);
    // Words of every length around the bucket depths (3 and 5), several scripts, numbers and two-word queries.
    const texts = new Set<string>(['а', 'жу', 'Ж Н', 'zh', 'нет-такого']);
    for (const row of all.slice(0, 12)) {
      for (const word of row.words.slice(0, 6)) for (const n of [2, 3, 4, 5, 6, 20]) texts.add(word.slice(0, n));
      texts.add(row.summary.pin.slice(0, 7));
      texts.add(row.summary.document);
      texts.add(row.number);
      texts.add(row.summary.nameLat.toLowerCase());
      texts.add(row.summary.nameKy.split(' ').slice(0, 2).join(' '));
    }
    const sample = all[3]!;
    const filterSets: CaseQuery['filters'][] = [{}, { status: sample.status, region: sample.region }, { caseworker: sample.caseworker, missionId: sample.missionId }];
    let checked = 0;
    for (const text of texts) {
      for (const filters of filterSets) {
        for (const [sort, direction] of [['updatedAt', 'desc'], ['updatedAt', 'asc'], ['sortName', 'asc'], ['nextDeadline', 'asc']] as const) {
          const query = q(text, { filters, sort, direction });
          expect(await ids(db, query), JSON.stringify(query)).toEqual(oracle(all, query));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);

    // A row written with an older stamp (a case received from another PC) breaks the stored order: still exact.
    const moved = { ...all[10]!, updatedAt: '2001-01-01T00:00:00.000Z' };
    const { words: _words, sortName: _sortName, ...stored } = moved;
    await db.cases.put(stored);
    const now = await searchableCases(db);
    for (const text of ['а', moved.words[0]!.slice(0, 3)]) {
      for (const direction of ['desc', 'asc'] as const) expect(await ids(db, q(text, { direction }))).toEqual(oracle(now, q(text, { direction })));
    }
  });

  it('tests a longer word on the words filed under its key: words sharing a key, and a case with very many words', async () => {
    const db = await seeded(6);
    const rows = await db.cases.orderBy('id').toArray();
    // The words come from the persons (other spellings here), folded as names are: many share a key.
    const letters = 'bdfgklmnprt';
    const many = Array.from({ length: 70 }, (_, i) => `Slovo${letters[Math.floor(i / letters.length)]}${letters[i % letters.length]}`);
    many[66] = 'Rodkoslovo';
    const spell = async (caseIndex: number, otherSpellings: string[]) => {
      const person = (await db.persons.get(rows[caseIndex]!.personId))!;
      await db.persons.put({ ...person, otherSpellings });
    };
    await spell(0, ['Jumagulov', 'Jumagaliev', 'Bakyt']);
    await spell(1, ['Jumagulova', 'Aigul']);
    await spell(2, many);
    await spell(3, [...many.slice(0, 65), 'Slovar']);
    const index = caseIndexOf();
    await index.load();
    const all = await searchableCases(db);
    const wordsOf = (i: number) => all.find((r) => r.id === rows[i]!.id)!.words;
    const long = wordsOf(2).filter((w) => w.startsWith('slov'));
    expect(long.length).toBeGreaterThan(60);
    const texts = ['jumaga', 'jumagal', 'jumagulov', 'jumagulova', 'jumag bak', 'jumagaliev ba', 'j jumagal', 'jumagu ai', 'slovar', 'rodko', 'rodkoslovo', 'sl slovar', ...long.slice(-6), ...long.slice(-3).map((w) => `slovo ${w}`), ...long.slice(-4).map((w) => w.slice(0, 6))];
    for (const text of texts) {
      const query = q(text);
      expect(await ids(db, query), text).toEqual(oracle(all, query));
    }
    // The cases above do match some of these: the check is not vacuous.
    expect(oracle(all, q('jumagal'))).toEqual([rows[0]!.id]);
    expect(oracle(all, q(long[long.length - 1]!))).toEqual([rows[2]!.id]);
    expect(oracle(all, q('rodkoslovo'))).toEqual([rows[2]!.id]);
  });

  it('follows every write: new cases, renamed people, status changes, deletions and a cleared table', async () => {
    const db = await seeded(20);
    const index = caseIndexOf();
    await index.load();

    const created = await createCase(intake({ nameRu: ['Усенов', 'Бакыт', ''], nameKy: ['Үсөнов', 'Бакыт', ''], nameLat: ['USENOV', 'BAKYT', ''], number: '7654321' }), actor, { now: NOW });
    if (!created.ok) throw new Error('fixture case refused');
    const id = created.value.id;
    expect(await ids(db, q('Үсөнов Бак'))).toEqual([id]);

    await updateField(id, 'person.nameRu.surname', 'Жолдошев', actor, new Date('2026-11-03T10:00:00Z'));
    expect(await ids(db, q('жолдошев бакыт'))).toEqual([id]);
    // The old Russian spelling is gone from the case's words unless another spelling still yields it.
    const renamed = await searchableCases(db);
    expect(await ids(db, q('Усенов Бакыт'))).toEqual(oracle(renamed, q('Усенов Бакыт')));
    expect((await (await openCaseList(q('жолдошев'))).page(0, 1))[0]?.summary.nameRu).toBe('Жолдошев Бакыт');

    await changeStatus(id, 'checking', '', actor, new Date('2026-11-04T10:00:00Z'));
    expect(await ids(db, q('жолдошев', { filters: { status: 'checking', region: created.value.region } }))).toEqual([id]);
    const [row] = (await (await openCaseList(q('жолдошев'))).page(0, 1));
    expect(row?.status).toBe('checking');

    await db.cases.delete(id);
    expect(await ids(db, q('жолдошев'))).toEqual([]);

    await db.cases.clear();
    expect(await ids(db, q('а'))).toEqual([]);
    expect(index.ready).toBe(true);
  });

  it('stays exact after many edits re-file the same cases', async () => {
    const db = await seeded(30);
    const index = caseIndexOf();
    await index.load();
    const all = await db.cases.toArray();
    // Enough edits to pass the compaction threshold (1000 stale entries).
    for (let round = 0; round < 40; round++) {
      await db.cases.bulkPut(all.map((r) => ({ ...r, updatedAt: new Date(NOW.getTime() + round * 1000).toISOString() })));
      await index.sync();
    }
    expect(index.size).toBe(30);
    const now = await searchableCases(db);
    for (const text of ['а', now[0]!.words[0]!.slice(0, 4), now[5]!.summary.pin.slice(0, 6)]) {
      expect(await ids(db, q(text, { sort: 'sortName', direction: 'asc' }))).toEqual(oracle(now, q(text, { sort: 'sortName', direction: 'asc' })));
    }
  });

  it('catches up with writes made through another connection to the same database', async () => {
    const factory = new IDBFactory();
    const mine = selectDb(new Db('shared-db', { indexedDB: factory, IDBKeyRange }));
    const other = new Db('shared-db', { indexedDB: factory, IDBKeyRange });
    await bulkCreateCases(generateCases(10, 3), actor, { now: NOW });
    const index = caseIndexOf();
    await index.load();

    selectDb(other);
    const created = await createCase(intake({ nameRu: ['Сыдыков', 'Бакыт', ''], nameKy: ['Сыдыков', 'Бакыт', ''], nameLat: ['SYDYKOV', 'BAKYT', ''], number: '1212121' }), actor, { now: new Date('2026-11-05T10:00:00Z') });
    if (!created.ok) throw new Error('fixture case refused');
    selectDb(mine);
    expect(await ids(mine, q('сыдыков'))).toEqual([]); // not seen yet: written through the other connection
    await index.catchUp();
    expect(await ids(mine, q('сыдыков'))).toEqual([created.value.id]);

    const victim = (await other.cases.toArray()).find((r) => r.id !== created.value.id)!;
    await other.cases.delete(victim.id);
    await index.catchUp();
    expect(index.size).toBe(10);
    expect(await ids(mine, q(victim.number))).toEqual([]);
  });
});

describe('did you mean, from the index’s own words', () => {
  it('offers the nearest name as a case writes it, only when it finds something', async () => {
    const db = freshDb();
    for (const [surname, given] of [['Жумагулов', 'Бакыт'], ['Жумагулов', 'Нурлан'], ['Жумабаев', 'Азамат']] as const) {
      const created = await createCase(intake({ nameKy: [surname, given, ''], nameRu: [surname, given, ''], nameLat: ['', '', ''] }), actor, { now: NOW });
      if (!created.ok) throw new Error(JSON.stringify(created));
    }
    const index = caseIndexOf();
    await index.load();
    expect((await ids(db, q('Жумагулв'))).length).toBe(0);
    expect(index.didYouMean('Жумагулв')).toBe('Жумагулов');
    expect(index.didYouMean('Жумагылов Бакыт')).toBe('Жумагулов Бакыт');
    expect((await ids(db, q(index.didYouMean('Нурлна Жумагулв')!))).length).toBe(1);
    // Too far from every name, nonsense, or words that already match: nothing to offer.
    expect(index.didYouMean('Смирнова')).toBeNull();
    expect(index.didYouMean('ЖЖЖЖ')).toBeNull();
    expect(index.didYouMean('Жумагулов')).toBeNull();
    // A correction that still finds nothing (no Азамат Жумагулов) is not offered.
    expect(index.didYouMean('Жумагулв Азамат')).toBeNull();
  });
});
