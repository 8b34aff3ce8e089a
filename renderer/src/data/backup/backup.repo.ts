import type Dexie from 'dexie';
import { BACKUP_SLICE_MAX_BYTES, type BackupFailure, type BackupReason } from '../../../../shared/ipc/channels/backup';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { setActivity } from './activity.store';
import { bytesToBase64 } from '../../lib/base64';
import { exportDatabase } from './db-export.repo';
import { auditCheckNote, auditCheckOf, recordActIn, verifyAuditOf } from '../audit.repo';
import type { AuditCheck } from '../../../../shared/ipc/channels/backup';
import { db, type AryzDb } from '../schema';

const SLICE_BYTES = BACKUP_SLICE_MAX_BYTES;

export type BackupOutcome =
  | { status: 'done'; fileName: string; folder: string; bytes: number; at: string; sealed: boolean; attachments: number; audit: AuditCheck | null }
  | { status: 'failed'; reason: BackupFailure | 'EXPORT_FAILED' | 'IPC_ERROR' };

let running: Promise<BackupOutcome> | null = null;

/** True while a backup is being written; a second request joins the running one instead of starting another. */
export const backupRunning = () => running !== null;

/**
 * Exports the whole database (db-export.ts: one read transaction, so the copy is consistent) and streams it to main
 * in numbered slices; main adds the attachments and seals the file. `schemaVersion` is the version of the
 * data as exported (the old one for a pre-upgrade backup). `database` is the app's unless a pre-upgrade backup
 * hands the old version, opened without a schema.
 */
export function runBackup(api: AryzApi, reason: BackupReason, database: Dexie = db()): Promise<BackupOutcome> {
  running ??= writeBackup(api, database, reason).finally(() => {
    running = null;
    setActivity(null);
  });
  return running;
}

async function writeBackup(api: AryzApi, database: Dexie, reason: BackupReason): Promise<BackupOutcome> {
  setActivity({ kind: 'backup', reason, phase: 'export', done: 0, total: 1 });
  // The audit chain is checked first and the verdict sealed into the manifest: a restore can then tell a chain
  // broken before the backup from one broken in the file, and rows cut from the end by the head. A broken chain
  // does not stop the backup (losing the copy would be worse); it is recorded and shown.
  let audit: AuditCheck | null = null;
  try {
    audit = auditCheckOf(await verifyAuditOf(database));
  } catch (error) {
    console.warn('backup audit check failed:', error);
  }
  let exported: Awaited<ReturnType<typeof exportDatabase>>;
  try {
    exported = await exportDatabase(database, (done, total) => setActivity({ kind: 'backup', reason, phase: 'export', done, total }));
  } catch (error) {
    console.warn('backup export failed:', error);
    return { status: 'failed', reason: 'EXPORT_FAILED' };
  }
  const { blob, counts } = exported;
  const begun = await api.beginBackup({ reason, schemaVersion: database.verno, counts, ...(audit ? { audit } : {}) });
  if (!begun.ok) return { status: 'failed', reason: 'IPC_ERROR' };
  if (begun.value.status === 'failed') return { status: 'failed', reason: begun.value.reason };
  const session = begun.value.session;
  // Compressed on the way (native gzip), sent in fixed-size binary slices.
  const reader = blob.stream().pipeThrough(new CompressionStream('gzip')).getReader();
  const pending = new Uint8Array(SLICE_BYTES);
  let filled = 0;
  let seq = 0;
  let consumed = 0;
  const send = async (): Promise<BackupOutcome | null> => {
    const sent = await api.appendBackup({ session, seq: seq++, data: bytesToBase64(pending.subarray(0, filled)) });
    filled = 0;
    if (!sent.ok) {
      await api.abortBackup({ session });
      return { status: 'failed', reason: 'IPC_ERROR' };
    }
    if (sent.value.status === 'failed') return { status: 'failed', reason: sent.value.reason };
    setActivity({ kind: 'backup', reason, phase: 'send', done: consumed, total: blob.size });
    return null;
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    consumed = Math.min(blob.size, consumed + value.length * 6);
    for (let offset = 0; offset < value.length; ) {
      const take = Math.min(SLICE_BYTES - filled, value.length - offset);
      pending.set(value.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === SLICE_BYTES) {
        const failed = await send();
        if (failed) {
          await reader.cancel();
          return failed;
        }
      }
    }
  }
  if (filled > 0 || seq === 0) {
    const failed = await send();
    if (failed) return failed;
  }
  setActivity({ kind: 'backup', reason, phase: 'seal', done: 0, total: 1 });
  const finished = await api.finishBackup({ session });
  if (!finished.ok) return { status: 'failed', reason: 'IPC_ERROR' };
  if (finished.value.status !== 'done') return finished.value;
  // The pre-upgrade copy is taken before the database is opened at this version: it is recorded by nobody.
  if (reason !== 'upgrade') {
    await recordActIn(database as AryzDb, { action: 'backup', entity: 'backup', entityId: finished.value.fileName, note: `${reason}; ${auditCheckNote(audit)}` }).catch((error: unknown) =>
      console.warn('backup audit row:', error),
    );
  }
  return { ...finished.value, audit };
}
