import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AryzDb } from '../../../renderer/src/db/db';

describe('database schema versions', () => {
  it('upgrades a version-1 database (settings only) without losing what it held', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('aryz-upgrade', { indexedDB, IDBKeyRange });
    v1.version(1).stores({ settings: 'key' });
    await v1.table('settings').put({ key: 'mission', value: { nameRu: 'Посольство' }, updatedAt: '2025-01-01T00:00:00.000Z' });
    v1.close();

    const current = new AryzDb('aryz-upgrade', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(2);
    expect(await current.settings.get('mission')).toMatchObject({ value: { nameRu: 'Посольство' } });
    expect(await current.cases.count()).toBe(0);
    expect(current.cases.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['[status+updatedAt]', '[caseworker+nextDeadline]', 'number']));
    current.close();

    // Opening again is a no-op: nothing re-runs, nothing changes.
    const again = new AryzDb('aryz-upgrade', { indexedDB, IDBKeyRange });
    expect(await again.settings.count()).toBe(1);
    again.close();
  });
});
