import { db } from '../schema';
import Dexie from 'dexie';
import { isKeyedHash } from '../../../../shared/crypto/at-rest';
import { AT_REST_PLAN, type TablePlan } from './fields';
import { ENCRYPTION_MARKER, type AtRestMarkerRow } from './marker';

/** Rows per transaction: small enough that a batch commits in well under a second, large enough to be quick. */
export const ENCRYPT_BATCH = 500;

export interface EncryptOptions {
  batch?: number;
  /** Called after each committed batch (tests use it to stop a run half-way, as a crash or a closed window would). */
  afterBatch?: (done: number, total: number) => void;
}

/** Tables with something to seal or hash, in a fixed order, so a resumed run continues where the marker says. */
const TABLES = [...AT_REST_PLAN].filter(([, plan]) => plan.sealed.length > 0 || plan.hashed.length > 0).map(([name]) => name);

/** Whether a database from before v14 still has rows to seal (its marker is there and not done). */
export async function encryptionPending(): Promise<boolean> {
  const marker = await db().atRest.get(ENCRYPTION_MARKER);
  return marker !== undefined && marker.state !== 'done';
}

/**
 * A value of the row as it is stored, not as it reads: the middleware turns a sealed field into an accessor that
 * opens it on first use, so a data property still holding a value is one written before v14.
 */
function stillPlain(row: object, plan: TablePlan): boolean {
  for (const field of plan.sealed) {
    const own = Object.getOwnPropertyDescriptor(row, field);
    if (own && !own.get && own.value !== undefined) return true;
  }
  for (const field of plan.hashed) {
    const value = (row as Record<string, unknown>)[field];
    const plain = (v: unknown) => typeof v === 'string' && v !== '' && !isKeyedHash(v);
    if (Array.isArray(value) ? value.some(plain) : plain(value)) return true;
  }
  return false;
}

/**
 * Seals, in place, every personal field of a database written before v14, table by table in primary-key order,
 * ENCRYPT_BATCH rows per transaction. Writing a row back through the at-rest middleware is what seals it; rows
 * already sealed are skipped, so a second run writes nothing. The marker row records the table and the last key
 * of each batch in that batch's own transaction: a run cut short resumes after the last batch that committed.
 * The pre-upgrade backup was taken before the database opened at v14 (main.tsx), so this never runs without one.
 */
export async function encryptInPlace(onProgress: (done: number, total: number) => void, options: EncryptOptions = {}): Promise<void> {
  const batch = options.batch ?? ENCRYPT_BATCH;
  const marker = await db().atRest.get(ENCRYPTION_MARKER);
  if (!marker || marker.state === 'done') return;
  const counts = await Promise.all(TABLES.map((name) => db().table(name).count()));
  const start = marker.table ? Math.max(0, TABLES.indexOf(marker.table)) : 0;
  // Rows of the tables still ahead, plus what the marker says was done before an interruption.
  let done = marker.done;
  const total = Math.max(done, counts.reduce((sum, n) => sum + n, 0));
  const startedAt = marker.startedAt ?? new Date().toISOString();
  onProgress(done, total);
  for (let t = start; t < TABLES.length; t++) {
    const name = TABLES[t]!;
    const plan = AT_REST_PLAN.get(name)!;
    const table = db().table(name);
    const keyPath = table.schema.primKey.keyPath!;
    let after: unknown = t === start && marker.table === name ? marker.after : null;
    for (let more = true; more; ) {
      more = await db().transaction('rw', [table, db().atRest], async () => {
        const range = after === null || after === undefined ? table.toCollection() : table.where(':id').above(after);
        const rows = (await range.limit(batch).toArray()) as object[];
        const stale = rows.filter((row) => stillPlain(row, plan));
        if (stale.length > 0) await table.bulkPut(stale);
        const last = rows[rows.length - 1];
        if (last) after = Dexie.getByKeyPath(last, keyPath);
        done += rows.length;
        const next: AtRestMarkerRow = { key: ENCRYPTION_MARKER, state: 'running', table: name, after: after ?? null, done, startedAt };
        await db().atRest.put(next);
        return rows.length === batch;
      });
      onProgress(done, total);
      options.afterBatch?.(done, total);
    }
  }
  await db().atRest.put({ key: ENCRYPTION_MARKER, state: 'done', table: null, after: null, done, startedAt, finishedAt: new Date().toISOString() });
  onProgress(done, done);
}
