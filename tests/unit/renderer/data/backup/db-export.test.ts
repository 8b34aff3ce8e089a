import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { ExportImporter, exportDatabase, rowCost, schemaOf } from '../../../../../renderer/src/data/backup/db-export.repo';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, intake, selectDb } from '../../../support/db-fixtures';
import { rawSchema } from '../../../support/raw-schema';
import { indexKey } from '../../../../../renderer/src/data/at-rest/keys';
import { atRestMiddleware } from '../../../../../renderer/src/data/at-rest/field-crypto';

async function dump(db: Dexie): Promise<Record<string, Array<[unknown, unknown]>>> {
  const out: Record<string, Array<[unknown, unknown]>> = {};
  for (const table of db.tables) {
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.toArray();
    out[table.name] = keys.map((k, i) => [k, rows[i]]);
  }
  return out;
}

/** Feeds the text in uneven slices, as main hands it over. */
async function importText(importer: ExportImporter, text: string, sizes = [1, 7, 333, 5000]): Promise<void> {
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    await importer.push(text.slice(at, at + size));
    at += size;
  }
}

describe('database export and import', () => {
  it('round-trips inbound, auto-increment and outbound keys, every row exactly', async () => {
    const indexedDB = new IDBFactory();
    const source = new Dexie('source', { indexedDB, IDBKeyRange });
    source.version(2).stores({ settings: 'key', audit: '++seq, caseId', notes: '', people: 'id, *words, [a+b]' });
    await source.table('settings').put({ key: 'mission', value: { nameRu: 'Посольство', ky: 'Элчилик ңөү' }, n: 1.5, ok: true, nothing: null });
    await source.table('audit').bulkAdd(Array.from({ length: 4500 }, (_, i) => ({ caseId: `c${i % 7}`, at: '2026-01-01', changes: [{ field: 'x', before: i, after: null }] })));
    await source.table('notes').bulkAdd(['a', { text: 'b' }, [1, 2]], ['k1', 'k2', 'k3']);
    await source.table('people').bulkAdd(Array.from({ length: 2100 }, (_, i) => ({ id: `p${String(i).padStart(5, '0')}`, words: ['ү', `w${i}`], a: i % 3, b: 'x' })));
    const { blob, counts } = await exportDatabase(source);
    expect(counts).toEqual({ settings: 1, audit: 4500, notes: 3, people: 2100 });
    const text = await blob.text();

    const importer = new ExportImporter('restored', { indexedDB, IDBKeyRange });
    await importText(importer, text);
    await expect(importer.finish()).resolves.toEqual(counts);
    // Progress counts rows weighted by what each table's indexes cost, and ends exactly at its total.
    expect(importer.total).toBe(1 * 3 + 4500 * 4 + 3 * 3 + 2100 * (3 + 4 + 1));
    expect(importer.done).toBe(importer.total);
    const restored = new Dexie('restored', { indexedDB, IDBKeyRange });
    // A restore seals the personal fields on the way in (the audit's changes here); read them opened.
    restored.use(atRestMiddleware());
    await restored.open();
    expect(restored.verno).toBe(2);
    expect(await dump(restored)).toEqual(await dump(source));
    // The schema came along: indexes work and auto-increment continues after the highest key.
    expect(await restored.table('people').where('words').equals('w7').count()).toBe(1);
    expect(await restored.table('audit').add({ caseId: 'new' })).toBe(4501);
  });

  it('[fault] refuses an export cut short or with a damaged line, and one whose counts do not add up', async () => {
    const indexedDB = new IDBFactory();
    const source = new Dexie('source', { indexedDB, IDBKeyRange });
    source.version(1).stores({ items: 'id' });
    await source.table('items').bulkAdd(Array.from({ length: 2500 }, (_, i) => ({ id: i, v: 'x'.repeat(i % 50) })));
    const text = await (await exportDatabase(source)).blob.text();
    const lines = text.split('\n');

    const cut = new ExportImporter('cut', { indexedDB, IDBKeyRange });
    await importText(cut, text.slice(0, text.length - 10));
    await expect(cut.finish()).rejects.toThrow();

    const dropped = new ExportImporter('dropped', { indexedDB, IDBKeyRange });
    await importText(dropped, [lines[0], lines[2], ''].join('\n'));
    await expect(dropped.finish()).rejects.toThrow(/items/);

    const damaged = new ExportImporter('damaged', { indexedDB, IDBKeyRange });
    await expect(importText(damaged, [lines[0], lines[1]!.replace('"id":', '"id"'), ''].join('\n'))).rejects.toThrow();

    const foreign = new ExportImporter('foreign', { indexedDB, IDBKeyRange });
    await expect(foreign.push('{"formatName":"dexie"}\n')).rejects.toThrow(/not an Aryz/);
  });

  it('an export of the app database imports and opens with the app schema', async () => {
    const indexedDB = new IDBFactory();
    const app = new AryzDb('app', { indexedDB, IDBKeyRange });
    await app.settings.put({ key: 'caseworker', value: { fullName: 'Үсөнова', position: 'Атташе', phone: '' }, updatedAt: '2026-01-01T00:00:00.000Z' });
    await app.audit.add({ at: '2026-01-01', who: 'x', caseId: 'c', entity: 'case', entityId: 'c', action: 'create', changes: [] });
    const text = await (await exportDatabase(app)).blob.text();
    const importer = new ExportImporter('app-restored', { indexedDB, IDBKeyRange });
    await importText(importer, text);
    await importer.finish();
    const restored = new AryzDb('app-restored', { indexedDB, IDBKeyRange });
    await restored.open();
    expect(await dump(restored)).toEqual(await dump(app));
  });

  it('a restored app database has exactly the app schema at the app version, and its indexes answer as before', async () => {
    const indexedDB = new IDBFactory();
    const app = selectDb(new AryzDb('source', { indexedDB, IDBKeyRange }));
    for (const [i, surname] of ['Асанов', 'Үсөнов', 'Беков', 'Жумабаев'].entries()) {
      const made = await createCase(intake({ nameRu: [surname, 'Бакыт', 'Нурланович'], series: 'AN', number: String(7000000 + i), region: i % 2 ? 'г. Москва' : 'Свердловская область' }), actor);
      if (!made.ok) throw new Error('fixture');
    }
    const text = await (await exportDatabase(app)).blob.text();
    const importer = new ExportImporter('restored', { indexedDB, IDBKeyRange });
    await importText(importer, text);
    await importer.finish();

    // Before the app opens it: already at the app's version with the app's schema, so opening upgrades nothing.
    const reference = new AryzDb('reference', { indexedDB, IDBKeyRange });
    await reference.open();
    reference.close();
    const expected = await rawSchema(indexedDB, 'reference');
    expect(expected.version).toBe(Math.round(reference.verno * 10));
    expect(await rawSchema(indexedDB, 'restored')).toEqual(expected);

    const restored = new AryzDb('restored', { indexedDB, IDBKeyRange });
    await restored.open();
    expect(restored.verno).toBe(reference.verno);
    expect(await rawSchema(indexedDB, 'restored')).toEqual(expected);
    const ask = (db: AryzDb) =>
      Promise.all([
        db.cases.where('[region+createdAt]').between(['г. Москва', ''], ['г. Москва', '\uffff']).primaryKeys(),
        db.cases.where('[status+updatedAt]').between(['intake', ''], ['intake', '\uffff']).primaryKeys(),
        db.cases.where('number').equals('КР-М-26-00003').primaryKeys(),
        db.persons.where('docKeys').equals(indexKey('an7000001')).primaryKeys(),
        db.audit.where('caseId').notEqual('').count(),
      ]);
    const answers = await ask(restored);
    expect(answers).toEqual(await ask(app));
    // Every query above finds something, so equal answers are not equal emptiness.
    for (const answer of answers) expect(typeof answer === 'number' ? answer : answer.length).toBeGreaterThan(0);
  });

  it('weighs a row by the index entries it writes: a case several times a person, an audit row least', () => {
    expect(rowCost('key')).toBe(3);
    expect(rowCost('')).toBe(3);
    expect(rowCost('id,&number,*words,[a+b]')).toBe(9);
    const app = new AryzDb('weights', { indexedDB: new IDBFactory(), IDBKeyRange });
    const cost = (name: string) => rowCost(schemaOf(app.table(name)));
    expect(cost('cases')).toBeGreaterThan(2 * cost('persons'));
    expect(cost('persons')).toBeGreaterThan(cost('audit'));
  });
});
