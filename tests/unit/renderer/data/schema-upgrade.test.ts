import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AryzDb } from '../../../../renderer/src/data/schema';
import { openCaseList } from '../../../../renderer/src/data/cases/list-query.repo';
import { dropPlainSearchKeys } from '../../../../renderer/src/data/search-keys-upgrade';
import { createCase } from '../../../../renderer/src/data/cases/cases.repo';
import { actor, intake, selectDb } from '../../support/db-fixtures';
import { rawSchema } from '../../support/raw-schema';
import { indexKey } from '../../../../renderer/src/data/at-rest/keys';

const FILTERS = ['status', 'region', 'missionId', 'caseworker'];
const SORTS = ['updatedAt', 'createdAt', 'sortName', 'nextDeadline'];
/** The schema as version 10 declared it, every table (later versions only change what they name). */
const V10 = {
  settings: 'key',
  persons: 'id, pinKey, *docKeys, *dupKeys, updatedAt',
  cases: ['id', '&number', 'personId', ...FILTERS, ...SORTS, 'nextCheck', '*words', ...FILTERS.flatMap((f) => SORTS.map((s) => `[${f}+${s}]`))].join(', '),
  audit: '++seq, caseId, at',
  drafts: 'key',
  counters: 'key',
  requests: 'id, caseId',
  checks: 'id, caseId',
  referenceVersions: 'version',
  documents: 'id, caseId, status, registeredAt',
  outgoing: '[year+seq], &number, date, caseId, status, documentId',
  templates: '++seq, id, [id+version]',
  templateDrafts: 'id',
  attachments: 'id, caseId, sha256, deletedAt',
  importMappings: 'signature',
  imports: 'id, status',
  transferSync: '[table+key], bundleId',
  batchJobs: 'id, state, createdAt',
  batchItems: 'id, jobId, [jobId+state]',
};

describe('database schema versions', () => {
  it('upgrades a version-1 database (settings only) without losing what it held', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('aryz-upgrade', { indexedDB, IDBKeyRange });
    v1.version(1).stores({ settings: 'key' });
    await v1.table('settings').put({ key: 'mission', value: { nameRu: 'Посольство' }, updatedAt: '2025-01-01T00:00:00.000Z' });
    v1.close();

    const current = new AryzDb('aryz-upgrade', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(18);
    expect(await current.settings.get('mission')).toMatchObject({ value: { nameRu: 'Посольство' } });
    expect(await current.cases.count()).toBe(0);
    expect(current.cases.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['[status+updatedAt]', '[caseworker+nextDeadline]', 'number']));
    current.close();

    // Opening again is a no-op: nothing re-runs, nothing changes.
    const again = new AryzDb('aryz-upgrade', { indexedDB, IDBKeyRange });
    expect(await again.settings.count()).toBe(1);
    again.close();
  });

  it('upgrades version-2 cases with the tracking fields, idempotently', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('aryz-v2', { indexedDB, IDBKeyRange });
    v2.version(1).stores({ settings: 'key' });
    v2.version(2).stores({ persons: 'id', cases: 'id, &number, status, updatedAt', audit: '++seq, caseId, at', drafts: 'key', counters: 'key' });
    await v2.table('cases').add({ id: 'c1', number: 'КР-25-00001', status: 'intake', updatedAt: '2025-01-01T00:00:00.000Z', nextDeadline: '2025-04-01' });
    v2.close();
    const current = new AryzDb('aryz-v2', { indexedDB, IDBKeyRange });
    const row = await current.cases.get('c1');
    expect(row).toMatchObject({ id: 'c1', nextDeadline: '2025-04-01', nextCheck: '9999-12-31', nextDeadlineClock: null });
    expect(await current.cases.where('nextCheck').equals('9999-12-31').count()).toBe(1);
    current.close();
  });

  it('adds the template history and drafts tables (v5) to an existing database, keeping its cases', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('aryz-v2b', { indexedDB, IDBKeyRange });
    v2.version(1).stores({ settings: 'key' });
    v2.version(2).stores({ persons: 'id', cases: 'id, &number, status, updatedAt', audit: '++seq, caseId, at', drafts: 'key', counters: 'key' });
    await v2.table('cases').add({ id: 'c1', number: 'КР-25-00001', status: 'intake', updatedAt: '2025-01-01T00:00:00.000Z' });
    v2.close();
    const current = new AryzDb('aryz-v2b', { indexedDB, IDBKeyRange });
    expect(await current.cases.count()).toBe(1);
    await current.templates.add({ id: 'receipt', version: 2, action: 'edit', template: null, at: '2026-01-01T00:00:00.000Z', who: 'x' });
    expect(await current.templates.where('[id+version]').equals(['receipt', 2]).count()).toBe(1);
    expect(await current.templateDrafts.count()).toBe(0);
    current.close();
  });

  it('drops the indexes no query reads (v11), keeping every row, and a filter alone still walks its compound index', async () => {
    const indexedDB = new IDBFactory();
    // A version-10 database with real cases in it, written by the app's own code.
    const seedDb = selectDb(new AryzDb('aryz-v10-seed', { indexedDB, IDBKeyRange }));
    const made = [];
    for (const [i, region] of ['г. Москва', 'Московская область', 'г. Москва'].entries()) {
      const created = await createCase(intake({ nameKy: ['Асанов', `Бакыт${i}`, ''], nameRu: ['Асанов', `Бакыт${i}`, ''], nameLat: ['ASANOV', `BAKYT${i}`, ''], number: `70000${i}`, region }), actor, {
        now: new Date(Date.UTC(2025, 5, 1, 9, i)),
      });
      if (!created.ok) throw new Error(JSON.stringify(created));
      made.push(created.value.id);
    }
    // Only the tables a v10 database had (later versions add their own).
    const tables = Object.fromEntries(await Promise.all(seedDb.tables.filter((t) => t.name in V10).map(async (t) => [t.name, await t.toArray()] as const)));
    seedDb.close();
    const v10 = new Dexie('aryz-v10', { indexedDB, IDBKeyRange });
    v10.version(10).stores(V10);
    for (const [name, rows] of Object.entries(tables)) await v10.table(name).bulkAdd(rows);
    v10.close();

    const current = new AryzDb('aryz-v10', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(18);
    for (const [name, rows] of Object.entries(tables)) expect(await current.table(name).toArray()).toEqual(rows);
    current.close();
    const { stores } = await rawSchema(indexedDB, 'aryz-v10');
    const caseIndexes = Object.keys(stores.cases!.indexes);
    for (const gone of FILTERS) expect(caseIndexes).not.toContain(gone);
    expect(caseIndexes).toEqual(expect.arrayContaining(['[region+updatedAt]', 'nextCheck', 'actions', 'number']));
    // v14: no index over a personal value is left on cases.
    for (const gone of ['words', 'sortName', ...FILTERS.map((f) => `[${f}+sortName]`)]) expect(caseIndexes).not.toContain(gone);
    expect(Object.keys(stores.persons!.indexes)).not.toContain('updatedAt');
    expect(Object.keys(stores.audit!.indexes)).toEqual(['caseId']);

    // Opening again changes nothing; a search with a filter, and a filter sorted by name, are answered.
    const again = selectDb(new AryzDb('aryz-v10', { indexedDB, IDBKeyRange }));
    const keySetsOnly = { readRowsAtMost: 0, narrowOnRowsAtMost: 0, firstWalk: 2000 };
    const list = await openCaseList({ text: 'асанов', filters: { region: 'г. Москва' }, sort: 'createdAt', direction: 'asc' }, keySetsOnly);
    expect((await list.page(0, 10)).map((row) => row.id)).toEqual([made[0], made[2]]);
    const alone = await openCaseList({ text: '', filters: { region: 'Московская область' }, sort: 'sortName', direction: 'asc' });
    expect(alone.count).toBe(1);
    again.close();
  });

  it('derives duplicate keys under the v13 rules and drops the plain search words and sort name (v14), idempotently', async () => {
    const indexedDB = new IDBFactory();
    const v10 = new Dexie('aryz-v12', { indexedDB, IDBKeyRange });
    v10.version(10).stores(V10);
    const name = (surname: string, givenName: string) => ({ surname, givenName, patronymic: '' });
    await v10.table('persons').add({
      id: 'p1',
      nameKy: name('Василйев', 'Нурлан'),
      nameRu: name('Васильев', 'Нурлан'),
      nameLat: name('', ''),
      otherSpellings: [],
      pin: '21503199000123',
      birthDate: { year: 1990, month: 3, day: 15 },
      phones: ['+7 916 123-45-67'],
      documents: [{ series: 'AN', number: '1234567' }],
      dupKeys: ['stale|15.03.1990'],
      docKeys: [],
    });
    const plain = { words: ['vasiliev', 'nurlan', '21503199000123', 'an1234567'], sortName: 'васильев нурлан' };
    await v10.table('cases').add({ id: 'c1', personId: 'p1', number: 'КР-М-1/2025', status: 'intake', updatedAt: '2025-01-01T00:00:00.000Z', createdAt: '2025-01-01T00:00:00.000Z', region: 'г. Москва', ...plain });
    await v10.table('cases').add({ id: 'c2', personId: 'p-gone', number: 'КР-М-2/2025', status: 'intake', updatedAt: '2025-01-02T00:00:00.000Z', createdAt: '2025-01-02T00:00:00.000Z', region: 'г. Москва' });
    await v10.table('outgoing').add({ year: 2025, seq: 7, number: 'КР-М-7/25', caseId: 'c1', date: '2025-01-02', status: 'sent', documentId: 'd1' });
    v10.close();

    const current = selectDb(new AryzDb('aryz-v12', { indexedDB, IDBKeyRange }));
    const stored = (await current.cases.get('c1'))! as unknown as Record<string, unknown>;
    expect(stored).not.toHaveProperty('words');
    expect(stored).not.toHaveProperty('sortName');
    expect(stored).toMatchObject({ id: 'c1', number: 'КР-М-1/2025', status: 'intake' });
    expect(await current.cases.get('c2')).toMatchObject({ id: 'c2', number: 'КР-М-2/2025' });
    // Stored as its keyed hash since v14 (at-rest/fields.ts).
    expect((await current.persons.get('p1'))!.dupKeys).toEqual([indexKey('nurlan vasiliov|15.03.1990')]);
    // Nothing of the words is left on disk in the rows: the stored JSON holds none of them.
    const json = JSON.stringify(await current.cases.toArray());
    for (const word of plain.words) expect(json).not.toContain(word);
    expect(json).not.toContain(plain.sortName);
    // The search still finds the case by every kind of word, from the index built in memory: both spellings
    // (the sign is the glide), the birth date, the phone, the document and the outgoing number.
    for (const text of ['Василйев', 'Васильев Нурлан', '15.03.1990', '+7 916 123-45-67', 'AN 1234567', 'КР-М-7/25']) {
      const list = await openCaseList({ text, filters: {}, sort: 'updatedAt', direction: 'desc' });
      expect((await list.page(0, 10)).map((row) => row.id), text).toEqual(['c1']);
    }
    current.close();

    // Run twice: the upgrade function over rows it already cleaned changes nothing.
    const again = new AryzDb('aryz-v12', { indexedDB, IDBKeyRange });
    const before = await again.cases.toArray();
    await again.transaction('rw', again.cases, (tx) => dropPlainSearchKeys(tx));
    await again.transaction('rw', again.cases, (tx) => dropPlainSearchKeys(tx));
    expect(await again.cases.toArray()).toEqual(before);
    again.close();
  });
});
