import { AttachmentStore } from '../attachments/store';
import { sealPlainCopies, type BackupKeys, type BackupWriteOptions } from '../backup/backup-session';
import { migrateStoredPdfs } from '../documents/store';

export interface SealReport {
  attachments: number;
  /** Plain files in the attachment store whose content no longer matches their name: left as they are. */
  damaged: number;
  documents: number;
  upgradeCopies: number;
}

/**
 * Seals what earlier versions left plain in the data dir: scans, generated and merged PDFs, pre-upgrade copies.
 * Every file is replaced on its own by an atomic rename (plain, or sealed, never torn), so a run cut short by a
 * crash or a lock is simply run again at the next sign-in and goes on where it stopped.
 */
export async function sealPlainFiles(host: { dataDir: string; version: string }, keys: BackupKeys, options: BackupWriteOptions = {}): Promise<SealReport> {
  const attachments = await new AttachmentStore(host.dataDir).migrate(keys.files);
  const documents = await migrateStoredPdfs(host.dataDir, keys.files.content);
  const upgradeCopies = await sealPlainCopies(host, keys, options);
  return { attachments: attachments.sealed, damaged: attachments.skipped, documents, upgradeCopies };
}

/**
 * Runs sealPlainFiles once per process, at the first unlocked session; a run that failed is tried again at the next
 * sign-in. Concurrent sign-ins share one run.
 */
export function sealOnFirstUnlock(run: (keys: BackupKeys) => Promise<SealReport>, log: (event: string, fields: Record<string, number>) => void): (keys: BackupKeys) => Promise<SealReport | null> {
  let done = false;
  let running: Promise<SealReport | null> | null = null;
  return (keys) => {
    if (done) return Promise.resolve(null);
    running ??= run(keys).then(
      (report) => {
        done = true;
        running = null;
        log('files.sealed', { ...report });
        return report;
      },
      () => {
        running = null;
        log('files.seal_failed', {});
        return null;
      },
    );
    return running;
  };
}
