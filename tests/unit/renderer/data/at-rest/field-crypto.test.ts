import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportImporter, exportDatabase } from '../../../../../renderer/src/data/backup/db-export.repo';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { isKeyedHash, isSealed } from '../../../../../shared/crypto/at-rest';
import { AT_REST_FIELDS, SEARCH_OWNED, type FieldDecision } from '../../../../../renderer/src/data/at-rest/fields';
import { DataLockedError, indexKey } from '../../../../../renderer/src/data/at-rest/keys';
import { createCase, findDuplicates } from '../../../../../renderer/src/data/cases/cases.repo';
import { endSession, lockLocally } from '../../../../../renderer/src/lib/session';
import { actor, intake } from '../../../support/db-fixtures';
import { signInForTests } from '../../../support/signed-in';
import { dbWithRawView, stringsOf } from '../../../support/at-rest-db-fixtures';

const SECRET = 'Жумагулов';

/** A row of `table` with every declared field set: the primary key parts as plain ids, every other field holding SECRET. */
function fullRow(table: string, keyPath: string | string[]): Record<string, unknown> {
  const keys = new Set(Array.isArray(keyPath) ? keyPath : [keyPath]);
  const row: Record<string, unknown> = {};
  for (const field of Object.keys(AT_REST_FIELDS[table as keyof typeof AT_REST_FIELDS])) {
    row[field] = keys.has(field) ? (field === 'seq' || field === 'year' || field === 'version' ? 7 : `${table}-1`) : `${field}:${SECRET}`;
  }
  return row;
}

afterEach(() => signInForTests());

describe('the at-rest middleware', () => {
  it('on every table, seals the sealed fields, hashes the hashed ones, leaves the plain ones and reads the row back as written', async () => {
    const { db, raw } = await dbWithRawView();
    const written = new Map<string, Record<string, unknown>>();
    for (const table of db.tables) {
      if (table.name === 'atRest') continue;
      const row = fullRow(table.name, table.schema.primKey.keyPath!);
      await table.put(row);
      written.set(table.name, row);
    }
    const view = await raw();
    for (const [name, row] of written) {
      const decisions = AT_REST_FIELDS[name as keyof typeof AT_REST_FIELDS] as Record<string, FieldDecision>;
      const [stored] = (await view.table(name).toArray()) as Record<string, unknown>[];
      for (const [field, decision] of Object.entries(decisions)) {
        const value = stored![field];
        if (decision === 'sealed') expect(isSealed(value), `${name}.${field}`).toBe(true);
        else if (decision === 'hashed') expect(isKeyedHash(value), `${name}.${field}`).toBe(true);
        else expect(value, `${name}.${field}`).toBe(row[field]);
      }
      const hashed = Object.entries(decisions).filter(([, d]) => d === 'hashed').map(([f]) => f);
      const back = { ...((await db.table(name).toArray())[0] as Record<string, unknown>) };
      for (const field of hashed) back[field] = row[field];
      expect(back, name).toEqual(row);
    }
    view.close();
  });

  it('keeps a case written through the app free of the person\'s values on disk, and finds duplicates by keyed hashes', async () => {
    const { raw } = await dbWithRawView();
    const draft = intake({ nameRu: [SECRET, 'Нурлан', 'Асанович'], nameKy: [SECRET, 'Нурлан', 'Асан уулу'], nameLat: ['JUMAGULOV', 'NURLAN', ''], pin: '21203199000123', series: 'AN', number: '7654321', birth: { year: 1990, month: 3, day: 12 } });
    const made = await createCase(draft, actor);
    if (!made.ok) throw new Error(JSON.stringify(made));

    const view = await raw();
    // The search words and sort key are the in-memory search index's to take out of IndexedDB (branch
    // i16-search, SEARCH_OWNED); every other field is this layer's.
    const withoutSearch = (table: string, row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([field]) => !(SEARCH_OWNED as readonly string[]).includes(`${table}.${field}`)));
    const onDisk = (await Promise.all(view.tables.map(async (t) => (await t.toArray()).map((row) => withoutSearch(t.name, row as Record<string, unknown>))))).flatMap((rows) => stringsOf(rows));
    for (const value of [SECRET, 'JUMAGULOV', '21203199000123', '7654321', 'an7654321']) {
      expect(onDisk.filter((s) => s.includes(value)), value).toEqual([]);
    }
    const person = (await view.table('persons').toArray())[0] as { pinKey: string; docKeys: string[] };
    expect(person.pinKey).toBe(indexKey('21203199000123'));
    expect(person.docKeys).toContain(indexKey('an7654321'));
    view.close();

    const byPin = await findDuplicates({ person: { ...draft.person, nameRu: { surname: 'Другой', givenName: 'Кто', patronymic: '' }, nameKy: { surname: '', givenName: '', patronymic: '' }, nameLat: { surname: '', givenName: '', patronymic: '' } }, documents: [] });
    expect(byPin.map((m) => m.reasons.map((r) => r.reason))).toEqual([['pin']]);
    const byDocument = await findDuplicates({ person: { ...draft.person, pin: '', birthDate: undefined as never, nameRu: { surname: 'Другой', givenName: 'Кто', patronymic: '' } }, documents: [{ series: 'АН', number: '765 43 21' }] as never });
    expect(byDocument[0]!.reasons).toEqual([{ reason: 'document', value: 'АН 765 43 21' }]);
    const byName = await findDuplicates({ person: { ...draft.person, pin: '' }, documents: [] });
    expect(byName[0]!.reasons).toEqual([{ reason: 'name_birth', value: '12.03.1990' }]);
    expect(byName[0]!.summary.nameRu).toContain(SECRET);
  });

  it('refuses writes while locked or signed out, and reads nothing personal, then works again after sign-in', async () => {
    const { db, raw } = await dbWithRawView();
    const made = await createCase(intake({ nameRu: [SECRET, 'Нурлан', ''], pin: '21203199000123' }), actor);
    if (!made.ok) throw new Error('fixture');
    lockLocally();
    await expect(createCase(intake({ nameRu: ['Асанов', 'Бакыт', ''] }), actor)).rejects.toBeInstanceOf(DataLockedError);
    await expect(db.persons.put({ ...(made.value as object), id: 'p-locked' } as never)).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(db.cases.get(made.value.id)).rejects.toBeInstanceOf(DataLockedError);
    await expect(db.persons.toArray()).rejects.toBeInstanceOf(DataLockedError);
    await expect(db.cases.toCollection().each(() => undefined)).rejects.toBeInstanceOf(DataLockedError);
    // Tables with nothing personal still work (counters, settings).
    await db.counters.put({ key: 'probe', value: 1 });
    expect(await db.counters.get('probe')).toEqual({ key: 'probe', value: 1 });
    endSession();
    await expect(db.drafts.put({ key: 'intake', data: intake() as never, savedAt: '2026-01-01T00:00:00.000Z' })).rejects.toBeInstanceOf(DataLockedError);
    const view = await raw();
    expect(await view.table('persons').count()).toBe(1);
    expect(await view.table('drafts').count()).toBe(0);
    view.close();

    signInForTests();
    expect((await db.cases.get(made.value.id))!.summary.nameRu).toContain(SECRET);
  });

  it('opens a sealed field only when it is read, and a cursor sees plain values', async () => {
    const { db } = await dbWithRawView();
    const made = await createCase(intake({ nameRu: [SECRET, 'Нурлан', ''] }), actor);
    if (!made.ok) throw new Error('fixture');
    const row = (await db.cases.get(made.value.id))!;
    expect(Object.getOwnPropertyDescriptor(row, 'summary')!.get).toBeTypeOf('function');
    expect(row.summary.nameRu).toContain(SECRET);
    expect(Object.getOwnPropertyDescriptor(row, 'summary')!.value).toEqual(row.summary);
    const seen: string[] = [];
    await db.cases.each((c) => void seen.push(c.summary.nameRu));
    expect(seen).toEqual([row.summary.nameRu]);
    await db.cases.toCollection().modify((c) => {
      c.learnedNote = `${SECRET} заметка`;
    });
    expect((await db.cases.get(made.value.id))!.learnedNote).toBe(`${SECRET} заметка`);
  });

  it('seals the rows a restore writes: a backup holds them opened, the restored database holds them sealed', async () => {
    const { db, indexedDB } = await dbWithRawView();
    const made = await createCase(intake({ nameRu: [SECRET, 'Нурлан', ''], pin: '21203199000123' }), actor);
    if (!made.ok) throw new Error('fixture');
    const text = await (await exportDatabase(db)).blob.text();
    expect(text).toContain(SECRET);
    const importer = new ExportImporter('restored-at-rest', { indexedDB, IDBKeyRange });
    await importer.push(text);
    await importer.finish();
    const view = new Dexie('restored-at-rest', { indexedDB, IDBKeyRange });
    await view.open();
    const [person] = (await view.table('persons').toArray()) as Array<{ nameRu: unknown; pinKey: string }>;
    view.close();
    expect(isSealed(person!.nameRu)).toBe(true);
    expect(person!.pinKey).toBe(indexKey('21203199000123'));
    const restored = new AryzDb('restored-at-rest', { indexedDB, IDBKeyRange });
    expect((await restored.persons.get(made.value.personId))!.nameRu.surname).toBe(SECRET);
    restored.close();
  });
});
