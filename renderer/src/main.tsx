import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupError } from './app/StartupError';
import { getApi } from './api';
import { db } from './db/db';
import { scheduleDailyRefresh } from './features/tracking/daily-refresh';
import { purgeExpiredAttachments } from './features/attachments/attachments-repo';
import { ensureReference } from './features/tracking/reference-store';
import { backupBeforeSchemaUpgrade, startAutomaticBackups } from './features/backup/startup';
import { UpgradeBackupFailed } from './features/backup/UpgradeBackupFailed';
import { initI18n } from './i18n';
import './styles.css';

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  // A schema upgrade never runs without a copy of the data as it was (see features/backup/pre-upgrade.ts).
  const upgradeBackupFailure = await backupBeforeSchemaUpgrade(getApi());
  if (upgradeBackupFailure) {
    createRoot(root).render(<StrictMode><UpgradeBackupFailed reason={upgradeBackupFailure.reason} /></StrictMode>);
    return;
  }
  // Open (and upgrade) the database before any screen reads it, so a failure gets one clear screen
  // instead of half-working ones.
  const failure = await db()
    .open()
    .then(() => null)
    .catch((error: unknown) => error);
  // The first run stores the shipped reference data as version 1; later runs just read it.
  if (!failure) void ensureReference(db(), getApi()).catch((error: unknown) => console.warn('reference data:', error));
  // Deadline fields that depend on the day itself are brought up to date once a day, in the background.
  if (!failure) scheduleDailyRefresh(db());
  // Attachments deleted more than 30 days ago leave the trash, then main deletes the files nothing refers to.
  // Not urgent: it waits until the first screen has had the database to itself.
  if (!failure) setTimeout(() => void purgeExpiredAttachments(db(), getApi()).catch((error: unknown) => console.warn('attachments purge:', error)), 8000);
  if (!failure) startAutomaticBackups(getApi());
  createRoot(root).render(<StrictMode>{failure ? <StartupError error={failure} /> : <App />}</StrictMode>);
}

void start();
