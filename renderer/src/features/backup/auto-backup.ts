import type { AryzApi } from '../../../../shared/ipc/contract';
import { runBackup } from '../../data/backup/backup.repo';

const DAY_MS = 24 * 3600 * 1000;
const CHECK_EVERY_MS = 3600 * 1000;

/** Backs up when a passphrase is set and the last backup is a day old or more (or there is none). */
export async function backupIfDue(api: AryzApi, now = Date.now()): Promise<boolean> {
  const status = await api.getBackupStatus({});
  if (!status.ok || !status.value.passphraseSet) return false;
  const last = status.value.lastBackup ? Date.parse(status.value.lastBackup.at) : 0;
  if (now - last < DAY_MS) return false;
  const outcome = await runBackup(api, 'daily');
  if (outcome.status === 'failed') console.warn('automatic backup failed:', outcome.reason);
  return outcome.status === 'done';
}

/** Daily: at start when due, then checked hourly so a PC left on takes one every 24 h. */
export function startDailyBackups(api: AryzApi): () => void {
  const check = () => void backupIfDue(api).catch((error: unknown) => console.warn('automatic backup:', error));
  const first = window.setTimeout(check, 5000);
  const timer = window.setInterval(check, CHECK_EVERY_MS);
  return () => {
    window.clearTimeout(first);
    window.clearInterval(timer);
  };
}

let skipQuitBackup = false;
/** For the app's own reloads (after a restore): they are not a quit. */
export function allowUnloadWithoutBackup(): void {
  skipQuitBackup = true;
}

/**
 * On quit, in the desktop app only. The renderer owns the database, so the backup runs here: the first close is
 * cancelled through `beforeunload` (Electron closes nothing while a handler prevents it, and shows no dialog), the
 * backup runs with its progress on screen, then the window closes itself. A failed backup does not keep the window
 * open: the second close goes through and the failure is recorded for the backup screen. Browser mode has no quit.
 */
export function installQuitBackup(api: AryzApi): void {
  let state: 'idle' | 'running' | 'done' = 'idle';
  window.addEventListener('beforeunload', (event) => {
    if (skipQuitBackup || state === 'done') return;
    event.preventDefault();
    if (state === 'running') return;
    state = 'running';
    void (async () => {
      try {
        const status = await api.getBackupStatus({});
        if (status.ok && status.value.passphraseSet) {
          const outcome = await runBackup(api, 'quit');
          if (outcome.status === 'failed') console.warn('backup on quit failed:', outcome.reason);
        }
      } catch (error) {
        console.warn('backup on quit:', error);
      } finally {
        state = 'done';
        window.close();
      }
    })();
  });
}
