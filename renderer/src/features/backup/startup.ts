import type { AryzApi } from '../../../../shared/ipc/contract';
import { appDbVersion, pointedDbName } from '../../data/app-db';
import type { BackupOutcome } from '../../data/backup/backup.repo';
import { backupBeforeUpgrade } from '../../data/backup/pre-upgrade.repo';

const SKIP_UPGRADE_BACKUP = 'aryz-upgrade-without-backup';
const OPENED_VERSION = 'aryz-db-opened-version:';

/**
 * Records that the app opened database `name` at schema version `verno`. Until the app's schema changes,
 * the next starts know no upgrade is due without asking IndexedDB for its databases, a round trip that costs
 * every start tens of milliseconds. The note is per database name: a restored database (a new name) is
 * checked afresh, and a database deleted since then has nothing to back up.
 */
export function noteDatabaseOpened(name: string, verno: number): void {
  try {
    localStorage.setItem(OPENED_VERSION + name, String(verno));
  } catch {
    // Without storage every start asks IndexedDB, as before.
  }
}

function openedBefore(name: string, verno: number): boolean {
  try {
    return localStorage.getItem(OPENED_VERSION + name) === String(verno);
  } catch {
    return false;
  }
}

/** The caseworker chose to upgrade without a copy (after one failed); honoured for the next start only. */
export function continueWithoutUpgradeBackup(): void {
  sessionStorage.setItem(SKIP_UPGRADE_BACKUP, '1');
  window.location.reload();
}

/**
 * Runs before the app opens its database: when that open would upgrade the schema, back up the old data first.
 * Answers the failed outcome when the copy could not be made, so the start screen can stop and ask.
 */
export async function backupBeforeSchemaUpgrade(api: AryzApi): Promise<Extract<BackupOutcome, { status: 'failed' }> | null> {
  if (sessionStorage.getItem(SKIP_UPGRADE_BACKUP)) {
    sessionStorage.removeItem(SKIP_UPGRADE_BACKUP);
    return null;
  }
  const name = pointedDbName();
  if (openedBefore(name, appDbVersion())) return null;
  try {
    const outcome = await backupBeforeUpgrade(api, name, appDbVersion());
    return outcome?.status === 'failed' ? outcome : null;
  } catch (error) {
    console.warn('backup before upgrade:', error);
    return { status: 'failed', reason: 'EXPORT_FAILED' };
  }
}

/** Daily backups everywhere; the backup on quit only in the desktop app (browser mode has no quit to catch). */
export function startAutomaticBackups(api: AryzApi): void {
  // The backup code loads beside the first screen rather than in its bundle.
  void import('./auto-backup').then(({ installQuitBackup, startDailyBackups }) => {
    startDailyBackups(api);
    return api.getAppInfo({}).then((info) => {
      if (info.ok && info.value.mode === 'desktop') installQuitBackup(api);
    });
  }).catch((error: unknown) => console.warn('automatic backups:', error));
}
