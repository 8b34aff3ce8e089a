import type { AryzApi } from '../../../../shared/ipc/contract';
import { activeDbName } from '../../db/active-db';
import { DB_NAME, db } from '../../db/db';
import { installQuitBackup, startDailyBackups } from './auto-backup';
import type { BackupOutcome } from './backup-runner';
import { backupBeforeUpgrade } from './pre-upgrade';

const SKIP_UPGRADE_BACKUP = 'aryz-upgrade-without-backup';

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
  try {
    const outcome = await backupBeforeUpgrade(api, activeDbName(DB_NAME), db().verno);
    return outcome?.status === 'failed' ? outcome : null;
  } catch (error) {
    console.warn('backup before upgrade:', error);
    return { status: 'failed', reason: 'EXPORT_FAILED' };
  }
}

/** Daily backups everywhere; the backup on quit only in the desktop app (browser mode has no quit to catch). */
export function startAutomaticBackups(api: AryzApi): void {
  startDailyBackups(api, db);
  void api.getAppInfo({}).then((info) => {
    if (info.ok && info.value.mode === 'desktop') installQuitBackup(api, db);
  });
}
