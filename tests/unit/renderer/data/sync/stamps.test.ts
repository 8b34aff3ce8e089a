import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { SYNC_ENABLED_KEY, onSyncedWrites, syncCoreState, type SyncRowDoc } from '../../../../../renderer/src/data/sync/stamps';

// Whole enough for the layers above the stamps (the case search entries read the names).
const person = (id: string, email: string) => ({ id, email, nameRu: { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' }, nameKy: { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' }, nameLat: { surname: 'Asanov', givenName: 'Bakyt', patronymic: '' }, otherSpellings: [], documents: [], phones: [], updatedAt: '2026-12-01T00:00:00Z' }) as never;

async function joinedDb(indexedDB: IDBFactory, beforeOpen?: (database: AryzDb) => void, name = 'aryz-stamps'): Promise<AryzDb> {
  const database = new AryzDb(name, { indexedDB, IDBKeyRange });
  await database.open();
  await database.syncMeta.put({ scope: SYNC_ENABLED_KEY[0], id: SYNC_ENABLED_KEY[1], doc: { writer: 'pc-1' } });
  database.close();
  const reopened = new AryzDb(name, { indexedDB, IDBKeyRange });
  beforeOpen?.(reopened);
  await reopened.open();
  return reopened;
}

describe('sync stamps under the data layer', () => {
  it('writes nothing extra on a PC that has not joined a mission server', async () => {
    const database = new AryzDb('aryz-plain', { indexedDB: new IDBFactory(), IDBKeyRange });
    await database.persons.put(person('p1', 'a@kg'));
    await database.persons.delete('p1');
    expect(await database.syncState.count()).toBe(0);
    expect(syncCoreState(database).stamping).toBe(false);
  });

  it('stamps every write from the moment a joined database opens, before any replication runs', async () => {
    const database = await joinedDb(new IDBFactory());
    expect(syncCoreState(database).stamping).toBe(true);
    await database.persons.put(person('p1', 'a@kg'));
    const first = await database.syncState.get(['persons', 'p1']);
    expect(first).toMatchObject({ rev: '1-pc-1', deleted: false });
    await database.persons.update('p1', { email: 'b@kg' } as never);
    const second = await database.syncState.get(['persons', 'p1']);
    expect(second).toMatchObject({ rev: '2-pc-1', deleted: false });
    expect(second!.lwt).toBeGreaterThan(first!.lwt);
  });

  it('leaves a tombstone for deletions, ranges included, and reports writes only once they commit', async () => {
    const database = await joinedDb(new IDBFactory());
    const seen: SyncRowDoc[] = [];
    onSyncedWrites(database, (_table, docs) => seen.push(...docs));
    await database.cases.bulkPut([{ id: 'c1', number: 'N-1', personId: 'p1', status: 'intake' }, { id: 'c2', number: 'N-2', personId: 'p1', status: 'closed' }, { id: 'c3', number: 'N-3', personId: 'p1', status: 'closed' }] as never);
    await database.cases.where('id').between('c2', 'c3', true, true).delete();
    expect((await database.syncState.toArray()).map((s) => [s.key, s.deleted])).toEqual([
      ['c1', false],
      ['c2', true],
      ['c3', true],
    ]);
    await expect(
      database.transaction('rw', database.cases, async () => {
        await database.cases.put({ id: 'c4', number: 'N-4', personId: 'p1', status: 'intake' } as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await database.syncState.get(['cases', 'c4'])).toBeUndefined();
    expect(seen.map((d) => [d.id, d._deleted])).toEqual([
      ['c1', false],
      ['c2', false],
      ['c3', false],
      ['c2', true],
      ['c3', true],
    ]);
  });

  it('stamps rows as stored, not as the layers above see them', async () => {
    // A middleware above at the at-rest level (-2) changes values on their way down; the stamp sees its output.
    const database = await joinedDb(new IDBFactory(), (d) =>
      d.use({
        stack: 'dbcore',
        name: 'test-upper',
        level: -2,
        create: (down) => ({
          ...down,
          table: (name) => {
            const table = down.table(name);
            return { ...table, mutate: (req) => table.mutate(req.type === 'put' ? { ...req, values: req.values.map((v) => ({ ...(v as object), email: 'SEALED' })) } : req) };
          },
        }),
      }),
    );
    const seen: SyncRowDoc[] = [];
    onSyncedWrites(database, (_table, docs) => seen.push(...docs));
    await database.persons.put(person('p9', 'plain@kg'));
    expect(seen.at(-1)).toMatchObject({ id: 'p9' });
    expect(seen.at(-1)!.email).not.toBe('plain@kg');
  });
});
