import './app/trusted-types';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { AccessGate } from './features/access/AccessGate';
import { accountsStatus, recordAuthEvents } from './features/access/access-api';
import { LockLayer } from './features/access/LockLayer';
import { App } from './app/App';
import { preloadFirstScreen } from './app/first-screen';
import { StartupError } from './app/StartupError';
import { getApi } from './api';
import { activeDbName } from './data/active-db';
import { db, DB_NAME } from './data/schema';
import { keepSearchIndexWithSession } from './data/cases/search-index-session';
import { ensureReference } from './data/reference/reference.repo';
import { backupBeforeSchemaUpgrade, noteDatabaseOpened, startAutomaticBackups } from './features/backup/startup';
import { UpgradeBackupFailed } from './features/backup/UpgradeBackupFailed';
import { EncryptionProgress } from './features/access/EncryptionProgress';
import { encryptInPlace, encryptionPending } from './data/at-rest/encrypt-in-place.repo';
import { FEATURE_MESSAGES } from './app/feature-messages';
import { initI18n } from './i18n';
import { applyTextSize, storedTextSize } from './ui/text-size';
import './styles.css';

/** Start-up milestones the benchmarks read back (performance marks cost nothing when nobody reads them). */
const mark = (name: 'modules-evaluated' | 'signed-in' | 'upgrade-checked' | 'database-open' | 'first-screen-data' | 'first-render') => performance.mark(`aryz:${name}`);

/**
 * How long the first screen has IndexedDB to itself before the search index starts reading. Its data is read
 * before the first render, so the render and its own small reads are all that remain; a whole second (as when
 * the build read every person and case, whose reads held the queue's first rows back by seconds) only added
 * to the time until search works.
 */
const SEARCH_INDEX_DELAY_MS = 250;

/** Nothing of the data is opened before a session holds the key: the first start's setup, or sign-in. */
function signInFirst(root: Root): Promise<void> {
  return new Promise((resolve) => root.render(<StrictMode><AccessGate onReady={resolve} /></StrictMode>));
}

async function start(): Promise<void> {
  mark('modules-evaluated');
  applyTextSize(storedTextSize());
  await initI18n(FEATURE_MESSAGES);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  const reactRoot = createRoot(root);
  await signInFirst(reactRoot);
  mark('signed-in');
  reactRoot.render(null);
  // Needed only to render the app: asked now, beside the upgrade check and the database open, not before them.
  const accountsAnswer = accountsStatus();
  accountsAnswer.catch(() => undefined);
  // A schema upgrade never runs without a copy of the data as it was (see features/backup/pre-upgrade.ts).
  const upgradeBackupFailure = await backupBeforeSchemaUpgrade(getApi());
  mark('upgrade-checked');
  if (upgradeBackupFailure) {
    reactRoot.render(<StrictMode><UpgradeBackupFailed reason={upgradeBackupFailure.reason} /></StrictMode>);
    return;
  }
  // Open (and upgrade) the database before any screen reads it, so a failure gets one clear screen
  // instead of half-working ones. The first screen's reads are queued behind the open at once.
  const opening = db()
    .open()
    .then(() => null)
    .catch((error: unknown) => error);
  const firstScreen = preloadFirstScreen();
  const failure = await opening;
  mark('database-open');
  if (!failure) {
    noteDatabaseOpened(activeDbName(DB_NAME), db().verno);
    // A restored database that opened is accepted: the one it replaced goes (data/backup/restore.repo.ts).
    void import('./data/backup/restore.repo')
      .then(({ dropPreviousDatabase }) => dropPreviousDatabase(activeDbName(DB_NAME)))
      .catch((error: unknown) => console.warn('previous database:', error));
    // A database from before encryption at rest is sealed now, after the pre-upgrade backup above, with
    // progress; an interrupted run resumes here at the next start.
    if (await encryptionPending()) {
      const show = (done: number, total: number, problem?: { cause: unknown }) =>
        reactRoot.render(<StrictMode><EncryptionProgress done={done} total={total} failure={problem} /></StrictMode>);
      let last = { done: 0, total: 0 };
      try {
        await encryptInPlace((done, total) => {
          last = { done, total };
          show(done, total);
        });
      } catch (error) {
        show(last.done, last.total, { cause: error });
        return;
      }
    }
    await firstScreen;
    mark('first-screen-data');
  }
  // The first run stores the shipped reference data as version 1; later runs just read it.
  if (!failure) void ensureReference(getApi()).catch((error: unknown) => console.warn('reference data:', error));
  // Deadline fields that depend on the day itself are brought up to date once a day, in the background.
  if (!failure) {
    void import('./data/tracking/daily-refresh.repo')
      .then(({ scheduleDailyRefresh }) => scheduleDailyRefresh())
      .catch((error: unknown) => console.warn('daily refresh:', error));
  }
  // Attachments deleted more than 30 days ago leave the trash, then main deletes the files nothing refers to.
  // Not urgent: it waits until the first screen has had the database to itself.
  if (!failure) {
    setTimeout(() => {
      import('./data/attachments/attachments.repo')
        .then(({ purgeExpiredAttachments }) => purgeExpiredAttachments(getApi()))
        .catch((error: unknown) => console.warn('attachments purge:', error));
    }, 8000);
  }
  if (!failure) void recordAuthEvents().catch((error: unknown) => console.warn('sign-in events:', error));
  if (!failure) startAutomaticBackups(getApi());
  const { idleMinutes } = await accountsAnswer;
  mark('first-render');
  reactRoot.render(<StrictMode>{failure ? <StartupError error={failure} /> : <LockLayer idleMinutes={idleMinutes}><App /></LockLayer>}</StrictMode>);
  // The search index is built from the data after sign-in, in slices behind the first screen's own reads,
  // and dropped on lock and sign-out (nothing of it is stored).
  if (!failure) setTimeout(() => keepSearchIndexWithSession(), SEARCH_INDEX_DELAY_MS);
  // Mission sync runs while a session is unlocked (main holds the credential sealed with the data key).
  if (!failure) {
    void import('./data/mission/mission-session')
      .then(({ keepMissionSyncWithSession }) => keepMissionSyncWithSession())
      .catch((error: unknown) => console.warn('mission sync:', error));
  }
}

void start();
