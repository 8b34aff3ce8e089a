import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AryzDb } from '../../../../renderer/src/data/schema';

describe('database version 6', () => {
  it('adds the attachments table to a version-3 database, keeping its cases, and indexes trash by deletion time', async () => {
    const indexedDB = new IDBFactory();
    const v3 = new Dexie('aryz-v3', { indexedDB, IDBKeyRange });
    v3.version(1).stores({ settings: 'key' });
    v3.version(2).stores({ persons: 'id', cases: 'id, &number', audit: '++seq, caseId, at', drafts: 'key', counters: 'key' });
    v3.version(3).stores({ requests: 'id, caseId', checks: 'id, caseId', referenceVersions: 'version' });
    await v3.table('cases').add({ id: 'c1', number: 'КР-25-00001', nextCheck: '9999-12-31', nextDeadlineClock: null });
    v3.close();

    const current = new AryzDb('aryz-v3', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(6);
    expect(await current.cases.get('c1')).toMatchObject({ number: 'КР-25-00001' });
    const base = { caseId: 'c1', name: 'a.pdf', mime: 'application/pdf' as const, bytes: 1, pages: 1, caption: '', date: '', link: { kind: 'none' as const }, createdAt: '', updatedAt: '' };
    await current.attachments.bulkAdd([
      { ...base, id: 'a1', sha256: 'a'.repeat(64), deletedAt: null },
      { ...base, id: 'a2', sha256: 'b'.repeat(64), deletedAt: '2025-01-01T00:00:00.000Z' },
    ]);
    // Rows in use have no deletion time and so are not in that index at all: only the trash is walked at startup.
    expect(await current.attachments.where('deletedAt').below('2026-01-01').primaryKeys()).toEqual(['a2']);
    expect(await current.attachments.where('sha256').equals('a'.repeat(64)).primaryKeys()).toEqual(['a1']);
    current.close();
  });
});
