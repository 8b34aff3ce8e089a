import type Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import type { BackupFailure, BackupReason } from '../../../../shared/ipc/channels/backup';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { setActivity } from './activity';

/** 512 KiB of UTF-8 per call: at most as many characters, well inside the channel's limit after escaping. */
const SLICE_BYTES = 512 * 1024;

export type BackupOutcome =
  | { status: 'done'; fileName: string; folder: string; bytes: number; at: string; sealed: boolean; attachments: number }
  | { status: 'failed'; reason: BackupFailure | 'EXPORT_FAILED' | 'IPC_ERROR' };

async function tableCounts(database: Dexie): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of database.tables) counts[table.name] = await table.count();
  return counts;
}

let running: Promise<BackupOutcome> | null = null;

/** True while a backup is being written; a second request joins the running one instead of starting another. */
export const backupRunning = () => running !== null;

/**
 * Exports the whole database (dexie-export-import, in one read transaction so the copy is consistent) and streams it
 * to main in numbered slices; main adds the attachments and seals the file. `schemaVersion` is the version of the
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
  const counts = await tableCounts(database);
  const begun = await api.beginBackup({ reason, schemaVersion: database.verno, counts });
  if (!begun.ok) return { status: 'failed', reason: 'IPC_ERROR' };
  if (begun.value.status === 'failed') return { status: 'failed', reason: begun.value.reason };
  const session = begun.value.session;
  let blob: Blob;
  try {
    blob = await exportDB(database, {
      numRowsPerChunk: 5000,
      progressCallback: ({ completedRows, totalRows }) => {
        setActivity({ kind: 'backup', reason, phase: 'export', done: completedRows, total: totalRows ?? 0 });
        return true;
      },
    });
  } catch (error) {
    console.warn('backup export failed:', error);
    await api.abortBackup({ session });
    return { status: 'failed', reason: 'EXPORT_FAILED' };
  }
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
