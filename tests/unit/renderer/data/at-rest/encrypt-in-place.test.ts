import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { isKeyedHash, isSealed } from '../../../../../shared/crypto/at-rest';
import { documentKeys, duplicateNameKeys, pinKey } from '../../../../../shared/search/case-keys';
import { encryptInPlace, encryptionPending } from '../../../../../renderer/src/data/at-rest/encrypt-in-place.repo';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { createCase, findDuplicates } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, freshDb, intake, selectDb } from '../../../support/db-fixtures';
import { stringsOf } from '../../../support/at-rest-db-fixtures';

const PEOPLE = 12;
const SURNAMES = ['Абдыкадыров', 'Беков', 'Жумабаев', 'Алиев', 'Үсөнов', 'Исаков', 'Маматов', 'Садыков', 'Турдуев', 'Орозов', 'Каримов', 'Эсенов'];
const LATIN = ['ABDYKADYROV', 'BEKOV', 'JUMABAEV', 'ALIEV', 'USONOV', 'ISAKOV', 'MAMATOV', 'SADYKOV', 'TURDUEV', 'OROZOV', 'KARIMOV', 'ESENOV'];
const surname = (i: number) => SURNAMES[i]!;
const latin = (i: number) => LATIN[i]!;
const pin = (i: number) => `212031990${String(10000 + i)}`;

/**
 * A database as version 13 left it: the app's tables and indexes, every row plain. The rows are the app's own
 * (written by createCase), turned back into their plain form: values opened, index keys derived again.
 */
async function legacyDatabase(): Promise<{ indexedDB: IDBFactory; name: string }> {
  const source = freshDb();
  for (let i = 0; i < PEOPLE; i++) {
    const made = await createCase(intake({ nameRu: [surname(i), 'Нурлан', ''], nameKy: [surname(i), 'Нурлан', ''], nameLat: [latin(i), 'NURLAN', ''], pin: pin(i), series: 'AN', number: String(7100000 + i), birth: { year: 1990, month: 3, day: 12 } }), actor);
    if (!made.ok) throw new Error(JSON.stringify(made));
  }
  const indexedDB = new IDBFactory();
  const name = 'aryz-legacy';
  const v13 = new Dexie(name, { indexedDB, IDBKeyRange });
  const stores = Object.fromEntries(source.tables.filter((t) => t.name !== 'atRest').map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
  v13.version(13).stores(stores);
  await v13.open();
  for (const table of source.tables) {
    if (table.name === 'atRest') continue;
    const rows = (await table.toArray()).map((row) => JSON.parse(JSON.stringify(row)) as Record<string, unknown>);
    if (table.name === 'persons') {
      for (const p of rows as never as Parameters<typeof duplicateNameKeys>[0][] & { pin: string; documents: never[] }[]) {
        Object.assign(p, { pinKey: pinKey(p.pin), docKeys: documentKeys(p.documents), dupKeys: duplicateNameKeys(p) });
      }
    }
    await v13.table(table.name).bulkAdd(rows);
  }
  v13.close();
  source.close();
  return { indexedDB, name };
}

async function rawStrings(indexedDB: IDBFactory, name: string, table: string): Promise<string[]> {
  const view = new Dexie(name, { indexedDB, IDBKeyRange });
  await view.open();
  const rows = (await view.table(table).toArray()) as Record<string, unknown>[];
  view.close();
  return stringsOf(rows.map(({ words: _w, sortName: _s, ...rest }) => rest));
}

const plainHits = (strings: string[]) => strings.filter((s) => s.includes('212031990') || [...SURNAMES, ...LATIN].some((n) => s.includes(n))).length;

describe('encrypting a plain database in place', () => {
  it('resumes after an interruption, seals everything, still finds duplicates, and a second run writes nothing', async () => {
    const { indexedDB, name } = await legacyDatabase();
    expect(plainHits(await rawStrings(indexedDB, name, 'persons'))).toBeGreaterThan(PEOPLE);

    // The first start after the upgrade: v14 asks for the encryption; the run stops after its second batch.
    const db = selectDb(new AryzDb(name, { indexedDB, IDBKeyRange }));
    await db.open();
    expect(await encryptionPending()).toBe(true);
    const progress: Array<[number, number]> = [];
    let batches = 0;
    const crash = new Error('window closed');
    await expect(
      encryptInPlace((done, total) => progress.push([done, total]), {
        batch: 5,
        afterBatch: () => {
          if (++batches === 2) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    db.close();

    // Part sealed, part plain; the app reads both alike meanwhile.
    const marker = await (async () => {
      const again = new AryzDb(name, { indexedDB, IDBKeyRange });
      const m = await again.atRest.get('encryption');
      const persons = await again.persons.toArray();
      expect(persons.map((p) => p.nameRu.surname).sort()).toEqual(Array.from({ length: PEOPLE }, (_, i) => surname(i)).sort());
      again.close();
      return m!;
    })();
    expect(marker.state).toBe('running');
    expect(marker.done).toBe(10);
    const midway = await rawStrings(indexedDB, name, 'persons');
    expect(plainHits(midway)).toBeGreaterThan(0);
    expect(midway.some(isSealed)).toBe(true);

    // The next start resumes after the last committed batch and finishes.
    const resumed = selectDb(new AryzDb(name, { indexedDB, IDBKeyRange }));
    await resumed.open();
    expect(await encryptionPending()).toBe(true);
    const after: Array<[number, number]> = [];
    await encryptInPlace((done, total) => after.push([done, total]), { batch: 5 });
    expect(after[0]![0]).toBe(10);
    expect(after.at(-1)![0]).toBe(after.at(-1)![1]);
    expect(await encryptionPending()).toBe(false);
    for (const table of ['persons', 'cases', 'audit']) expect(plainHits(await rawStrings(indexedDB, name, table)), table).toBe(0);
    const view = new Dexie(name, { indexedDB, IDBKeyRange });
    await view.open();
    const stored = (await view.table('persons').toArray()) as Array<{ pinKey: string; docKeys: string[]; dupKeys: string[]; nameRu: unknown }>;
    view.close();
    for (const p of stored) {
      expect(isKeyedHash(p.pinKey)).toBe(true);
      expect(p.docKeys.every(isKeyedHash) && p.dupKeys.every(isKeyedHash)).toBe(true);
      expect(isSealed(p.nameRu)).toBe(true);
    }

    // Duplicates are still found by ПИН, document and name + birth date.
    const probe = intake({ nameRu: [surname(4), 'Нурлан', ''], nameKy: [surname(4), 'Нурлан', ''], nameLat: [latin(4), 'NURLAN', ''], pin: pin(4), series: 'AN', number: String(7100004), birth: { year: 1990, month: 3, day: 12 } });
    const found = await findDuplicates(probe);
    expect(found).toHaveLength(1);
    expect(found[0]!.reasons.map((r) => r.reason).sort()).toEqual(['document', 'name_birth', 'pin']);
    expect(found[0]!.summary.nameRu).toContain(surname(4));

    // Running again changes nothing: the sealed values (fresh nonces each seal) stay byte for byte.
    await resumed.atRest.put({ ...(await resumed.atRest.get('encryption'))!, state: 'pending' });
    await encryptInPlace(() => undefined, { batch: 5 });
    const sealedBefore = stored.map((p) => p.nameRu);
    const view2 = new Dexie(name, { indexedDB, IDBKeyRange });
    await view2.open();
    expect(((await view2.table('persons').toArray()) as Array<{ nameRu: unknown }>).map((p) => p.nameRu)).toEqual(sealedBefore);
    view2.close();
    resumed.close();
  });

  it('has nothing to do on a database created at v14', async () => {
    const db = freshDb();
    await db.open();
    expect(await encryptionPending()).toBe(false);
    let calls = 0;
    await encryptInPlace(() => calls++);
    expect(calls).toBe(0);
  });
});
