import Dexie from 'dexie';
import type { AuditCheck, BackupSummary, RestoreRefusal } from '../../../../shared/ipc/channels/backup';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { RESTORED_PREFIX, forgetPreviousDb, previousDbName, switchActiveDb } from '../active-db';
import { AryzDb } from '../schema';
import { setActivity } from './activity.store';
import { base64ToBytes } from '../../lib/base64';
import { ExportImporter } from './db-export.repo';
import { auditCheckNote, auditCheckOf, recordActIn, verifyAuditOf } from '../audit.repo';

export type RestoreOutcome =
  | { status: 'restored'; database: string }
  | { status: 'refused'; reason: RestoreRefusal | 'IMPORT_FAILED' | 'COUNTS_DIFFER' | 'IPC_ERROR' | 'AUDIT_BROKEN'; audit?: AuditCheck };

/**
 * Asked when the restored audit chain is broken (edited, removed or inserted rows, or rows cut from the end of what
 * the backup's manifest recorded), before anything is committed: true restores anyway, false keeps the current data.
 */
export type BrokenChainDecision = (check: Extract<AuditCheck, { ok: false }>) => Promise<boolean>;

async function deleteQuietly(name: string): Promise<void> {
  await Dexie.delete(name).catch((error: unknown) => console.warn(`could not delete ${name}:`, error));
}

/**
 * Streams the opened backup from main line by line into a NEW database named aryz-restored-<time> (main has
 * authenticated the whole file by the time it answers `end`; damage before that stops the restore), checks every
 * table's row count against the export header and the manifest, lets the app's schema upgrade it, has main move the
 * attachments in, and only then points the app at the new database. Any failure before the switch deletes the new
 * database: the current one is never touched.
 */
export async function runRestore(
  api: AryzApi,
  restore: string,
  summary: BackupSummary,
  currentName: string,
  now = Date.now(),
  onBrokenChain: BrokenChainDecision = async () => false,
): Promise<RestoreOutcome> {
  const name = `${RESTORED_PREFIX}${now}`;
  let created = false;
  let switched = false;
  try {
    setActivity({ kind: 'restore', phase: 'import', done: 0, total: 1 });
    const importer = new ExportImporter(name);
    created = true;
    // Slices from main go through native gunzip into the importer; the importer runs while main reads on.
    const gunzip = new DecompressionStream('gzip');
    const writer = gunzip.writable.getWriter();
    const consumer = (async () => {
      const reader = gunzip.readable.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          await importer.push(value);
          setActivity({ kind: 'restore', phase: 'import', done: importer.done, total: importer.total });
        }
      } catch (error) {
        await reader.cancel().catch(() => undefined);
        throw error;
      }
    })();
    // A failed import must stop the feeding loop, which would otherwise wait on a full stream forever.
    const importFailed = consumer.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
    );
    importFailed.catch(() => undefined);
    let counts: Record<string, number>;
    try {
      for (;;) {
        const next = await Promise.race([api.readRestore({ restore }), importFailed]);
        if (!next.ok || next.value.status === 'refused') {
          await writer.abort().catch(() => undefined);
          await consumer.catch(() => undefined);
          return { status: 'refused', reason: next.ok && next.value.status === 'refused' ? next.value.reason : 'IPC_ERROR' };
        }
        if (next.value.status === 'end') break;
        await Promise.race([writer.write(base64ToBytes(next.value.data)), importFailed]);
      }
      await Promise.race([writer.close(), importFailed]);
      await consumer;
      counts = await importer.finish();
    } catch (error) {
      console.warn('restore import failed:', error);
      await writer.abort().catch(() => undefined);
      return { status: 'refused', reason: 'IMPORT_FAILED' };
    } finally {
      importer.close();
    }
    setActivity({ kind: 'restore', phase: 'verify', done: 0, total: 1 });
    for (const [table, expected] of Object.entries(summary.counts)) {
      if (counts[table] !== expected) {
        console.warn(`restore: ${table} has ${counts[table]} rows, the backup lists ${expected}`);
        return { status: 'refused', reason: 'COUNTS_DIFFER' };
      }
    }
    // Opening with the app's schema runs any upgrade from the backup's version to this one.
    const restored = new AryzDb(name);
    try {
      await restored.open();
    } catch (error) {
      console.warn('restore upgrade failed:', error);
      restored.close();
      return { status: 'refused', reason: 'IMPORT_FAILED' };
    }
    try {
      // The restored audit chain, against the head the backup sealed in its manifest: a row changed, removed or
      // inserted (in the data before the backup, or cut from its end) is reported before the switch.
      setActivity({ kind: 'restore', phase: 'verify', done: 0, total: 1 });
      const sealed = summary.audit?.ok ? { seq: summary.audit.headSeq, hash: summary.audit.headHash } : undefined;
      const check = auditCheckOf(await verifyAuditOf(restored, sealed));
      if (!check.ok && !(await onBrokenChain(check))) return { status: 'refused', reason: 'AUDIT_BROKEN', audit: check };
      await recordActIn(restored, { action: 'restore', entity: 'backup', entityId: summary.createdAt, note: `${summary.reason} ${summary.createdAt}; ${auditCheckNote(check)}` });
    } finally {
      restored.close();
    }
    const committed = await api.commitRestore({ restore });
    if (!committed.ok) return { status: 'refused', reason: 'IPC_ERROR' };
    if (committed.value.status === 'refused') return { status: 'refused', reason: committed.value.reason };
    // The database in use until now stays until the restored one has been opened at the next start
    // (dropPreviousDatabase); one still remembered from an earlier restore is no longer needed.
    const older = previousDbName();
    switchActiveDb(name, currentName);
    switched = true;
    if (older && older !== currentName && older !== name) await deleteQuietly(older);
    return { status: 'restored', database: name };
  } finally {
    if (!switched) {
      await api.cancelRestore({ restore }).catch(() => undefined);
      if (created) await deleteQuietly(name);
    }
    setActivity(null);
  }
}

/**
 * Once the app has opened the restored database (the restore is accepted), the one it replaced is deleted: a
 * second full copy of the people's data must not linger in the profile. A failed delete is tried at the next start.
 */
export async function dropPreviousDatabase(active: string, remove: (name: string) => Promise<void> = (name) => Dexie.delete(name)): Promise<boolean> {
  const previous = previousDbName();
  if (!previous || previous === active) {
    if (previous) forgetPreviousDb();
    return false;
  }
  try {
    await remove(previous);
  } catch (error) {
    console.warn('could not delete the previous database:', error);
    return false;
  }
  forgetPreviousDb();
  return true;
}
