import type Dexie from 'dexie';
import type { BackupFailure, BackupReason } from '../../../../shared/ipc/channels/backup';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { setActivity } from './activity';
import { exportDatabase } from './db-export';

/** 4 MiB of UTF-8 per call: at most as many characters, inside the channel's limit after escaping. */
const SLICE_BYTES = 4 * 1024 * 1024;

export type BackupOutcome =
  | { status: 'done'; fileName: string; folder: string; bytes: number; at: string; sealed: boolean; attachments: number }
  | { status: 'failed'; reason: BackupFailure | 'EXPORT_FAILED' | 'IPC_ERROR' };

let running: Promise<BackupOutcome> | null = null;

/** True while a backup is being written; a second request joins the running one instead of starting another. */
export const backupRunning = () => running !== null;

/**
 * Exports the whole database (db-export.ts: one read transaction, so the copy is consistent) and streams it to main
 * in numbered slices; main adds the attachments and seals the file. `schemaVersion` is the version of the
 * data as exported (the old one for a pre-upgrade backup).
 */
export function runBackup(api: AryzApi, database: Dexie, reason: BackupReason): Promise<BackupOutcome> {
  running ??= writeBackup(api, database, reason).finally(() => {
    running = null;
    setActivity(null);
  });
  return running;
}

async function writeBackup(api: AryzApi, database: Dexie, reason: BackupReason): Promise<BackupOutcome> {
  setActivity({ kind: 'backup', reason, phase: 'export', done: 0, total: 1 });
  let exported: Awaited<ReturnType<typeof exportDatabase>>;
  try {
    exported = await exportDatabase(database, (done, total) => setActivity({ kind: 'backup', reason, phase: 'export', done, total }));
  } catch (error) {
    console.warn('backup export failed:', error);
    return { status: 'failed', reason: 'EXPORT_FAILED' };
  }
  const { blob, counts } = exported;
  const begun = await api.beginBackup({ reason, schemaVersion: database.verno, counts });
  if (!begun.ok) return { status: 'failed', reason: 'IPC_ERROR' };
  if (begun.value.status === 'failed') return { status: 'failed', reason: begun.value.reason };
  const session = begun.value.session;
  // A streaming decoder keeps a letter split across two slices whole.
  const decoder = new TextDecoder();
  let seq = 0;
  for (let offset = 0; offset < blob.size || seq === 0; offset += SLICE_BYTES) {
    const end = Math.min(blob.size, offset + SLICE_BYTES);
    const text = decoder.decode(await blob.slice(offset, end).arrayBuffer(), { stream: end < blob.size });
    const sent = await api.appendBackup({ session, seq: seq++, text });
    if (!sent.ok) {
      await api.abortBackup({ session });
      return { status: 'failed', reason: 'IPC_ERROR' };
    }
    if (sent.value.status === 'failed') return { status: 'failed', reason: sent.value.reason };
    setActivity({ kind: 'backup', reason, phase: 'send', done: end, total: blob.size });
  }
  setActivity({ kind: 'backup', reason, phase: 'seal', done: 0, total: 1 });
  const finished = await api.finishBackup({ session });
  if (!finished.ok) return { status: 'failed', reason: 'IPC_ERROR' };
  return finished.value;
}
