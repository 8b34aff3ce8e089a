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
    expect(current.verno).toBe(10);
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
});
