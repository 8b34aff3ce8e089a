import Dexie from 'dexie';
import type { AryzApi } from '../../../../shared/ipc/contract';
import type { BackupOutcome } from './backup.repo';

/**
 * Before the app's schema upgrades an existing database, back it up as it is. The database is opened WITHOUT a schema
 * (Dexie's dynamic mode opens the installed version and upgrades nothing), exported and handed to main: sealed into
 * the backup folder when a passphrase is set; otherwise kept as a plain copy inside the data dir, next to the
 * IndexedDB files that already hold the same data unencrypted, so nothing leaves the PC in clear and the upgrade
 * never runs without a copy to go back to.
 */
export async function backupBeforeUpgrade(
  api: AryzApi,
  name: string,
  targetVersion: number,
  idb: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } = { indexedDB, IDBKeyRange },
): Promise<BackupOutcome | null> {
  if (typeof idb.indexedDB.databases !== 'function') return null;
  const info = (await idb.indexedDB.databases()).find((d) => d.name === name);
  // Dexie stores version × 10 as the IndexedDB version.
  const installed = info?.version ? Math.round(info.version / 10) : 0;
  if (installed === 0 || installed >= targetVersion) return null;
  const old = new Dexie(name, idb);
  try {
    await old.open();
    // Loaded only when an upgrade is due: every other start does without the backup code.
    const { runBackup } = await import('./backup.repo');
    return await runBackup(api, 'upgrade', old);
  } finally {
    old.close();
  }
}
