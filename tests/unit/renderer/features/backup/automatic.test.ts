import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../../../shared/ipc/channels/backup';
import type { AryzApi } from '../../../../../shared/ipc/contract';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { backupIfDue } from '../../../../../renderer/src/features/backup/auto-backup';
import { backupBeforeUpgrade } from '../../../../../renderer/src/data/backup/pre-upgrade.repo';
import { selectDb } from '../../../support/db-fixtures';

/** Main's side of a backup, recorded: what begin said and the decompressed export the page sent. */
function fakeApi(status: Partial<BackupStatus>) {
  const sent: Buffer[] = [];
  const begins: unknown[] = [];
  const api = {
    getBackupStatus: async () => ({ ok: true, value: { passphraseSet: true, passphraseKept: 'session', folder: null, defaultFolder: '/d', lastBackup: null, lastFailure: null, ...status } }),
    beginBackup: async (request: unknown) => {
      begins.push(request);
      return { ok: true, value: { status: 'started', session: 'a'.repeat(24), sealed: true } };
    },
    appendBackup: async ({ data }: { data: string }) => {
      sent.push(Buffer.from(data, 'base64'));
      return { ok: true, value: { status: 'ok', bytes: 0 } };
    },
    finishBackup: async () => ({ ok: true, value: { status: 'done', fileName: 'f', folder: '/d', bytes: 1, at: 'x', sealed: true, attachments: 0, removed: 0 } }),
    abortBackup: async () => ({ ok: true, value: {} }),
  } as unknown as AryzApi;
  const exportLines = async () => {
    const text = await new Response(new Blob([Buffer.concat(sent)]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  return { api, begins, exportLines };
}

describe('automatic backups', () => {
  it('backs up daily only with a passphrase and when the last backup is a day old', async () => {
    const indexedDB = new IDBFactory();
    selectDb(new AryzDb('daily', { indexedDB, IDBKeyRange }));
    const now = Date.parse('2026-11-26T12:00:00Z');
    const last = (hoursAgo: number) => ({ at: new Date(now - hoursAgo * 3600_000).toISOString(), fileName: 'f', folder: '/d', bytes: 1, reason: 'daily' as const });
    expect(await backupIfDue(fakeApi({ passphraseSet: false }).api, now)).toBe(false);
    expect(await backupIfDue(fakeApi({ lastBackup: last(23) }).api, now)).toBe(false);
    const due = fakeApi({ lastBackup: last(25) });
    expect(await backupIfDue(due.api, now)).toBe(true);
    expect(due.begins).toEqual([expect.objectContaining({ reason: 'daily' })]);
    expect(await backupIfDue(fakeApi({ lastBackup: null }).api, now)).toBe(true);
  });

  it('before a schema upgrade, exports the old database as it is, without upgrading it', async () => {
    const idb = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v2 = new Dexie('aryz', idb);
    v2.version(1).stores({ settings: 'key' });
    v2.version(2).stores({ cases: 'id, status', audit: '++seq, caseId' });
    await v2.table('cases').bulkAdd([{ id: 'c1', status: 'open' }, { id: 'c2', status: 'closed' }]);
    await v2.table('audit').add({ caseId: 'c1', action: 'create' });
    v2.close();

    const { api, begins, exportLines } = fakeApi({});
    const outcome = await backupBeforeUpgrade(api, 'aryz', 3, idb);
    expect(outcome?.status).toBe('done');
    // The audit chain is verified before every backup and its verdict sealed in the manifest; a row from before
    // the chain (no seq or hash) does not break it.
    expect(begins).toEqual([{ reason: 'upgrade', schemaVersion: 2, counts: { settings: 0, cases: 2, audit: 1 }, audit: { ok: true, rows: 1, headSeq: 0, headHash: '0'.repeat(64) } }]);
    const [header, ...rows] = await exportLines();
    expect(header).toMatchObject({ format: 'aryz-db', databaseVersion: 2 });
    expect(rows.find((r) => r.table === 'cases')?.rows).toEqual([{ id: 'c1', status: 'open' }, { id: 'c2', status: 'closed' }]);
    // Still version 2: the upgrade is the app's to run, after the copy.
    expect((await idb.indexedDB.databases()).find((d) => d.name === 'aryz')?.version).toBe(20);

    // Nothing to do when the database is already current, or does not exist yet.
    expect(await backupBeforeUpgrade(api, 'aryz', 2, idb)).toBeNull();
    expect(await backupBeforeUpgrade(api, 'nothing-here', 3, idb)).toBeNull();
    expect(begins).toHaveLength(1);
  });
});
