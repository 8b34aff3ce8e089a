import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AryzApi } from '../../../../../shared/ipc/contract';
import { db } from '../../../../../renderer/src/data/schema';
import { backupBeforeSchemaUpgrade, noteDatabaseOpened } from '../../../../../renderer/src/features/backup/startup';
import { useMemoryStorages } from '../../../support/storage-fixtures';

/** An API that records every call and fails it: the check must not touch main unless it backs up. */
function recordingApi() {
  const calls: string[] = [];
  const api = new Proxy({} as AryzApi, {
    get: (_target, name) => async () => {
      calls.push(String(name));
      return { ok: false, error: { code: 'INTERNAL' } };
    },
  });
  return { api, calls };
}

useMemoryStorages();

describe('the check for a schema upgrade at start', () => {
  it('backs up a database older than the app; once the app opened its version, later starts skip the check', async () => {
    // An older copy of the app's database: version 1 with one table.
    const old = new Dexie('aryz');
    old.version(1).stores({ settings: 'key' });
    await old.table('settings').put({ key: 'mission', value: 'x' });
    old.close();

    const first = recordingApi();
    const outcome = await backupBeforeSchemaUpgrade(first.api);
    // Main refused every call here, so the copy failed and the start stops to ask, as it must.
    expect(outcome).toEqual({ status: 'failed', reason: expect.any(String) });
    expect(first.calls.length).toBeGreaterThan(0);

    // The app opened (and upgraded) the database at its version: the next starts need not ask IndexedDB.
    noteDatabaseOpened('aryz', db().verno);
    const next = recordingApi();
    expect(await backupBeforeSchemaUpgrade(next.api)).toBeNull();
    expect(next.calls).toEqual([]);

    // A note for an older schema version does not count: the app's schema changed since.
    noteDatabaseOpened('aryz', db().verno - 1);
    const afterUpdate = recordingApi();
    expect(await backupBeforeSchemaUpgrade(afterUpdate.api)).not.toBeNull();
    expect(afterUpdate.calls.length).toBeGreaterThan(0);
  });
});
