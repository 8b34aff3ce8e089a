import { Subject, type Observable } from 'rxjs';
import {
  categorizeBulkWriteRows,
  fillWithDefaultSettings,
  type BulkWriteRow,
  type EventBulk,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageCountResult,
  type RxStorageDefaultCheckpoint,
  type RxStorageInstance,
  type RxStorageQueryResult,
} from 'rxdb';
import { answerQuery } from './answer-query';
import { Dexie as DexieRuntime, RangeSet, type DBCore, type DBCoreTransaction, type Dexie } from 'dexie';
import { refreshCaseSearch } from '../cases/case-search.repo';
import type { AryzDb } from '../schema';
import { STATE_TABLE, onSyncedWrites, syncCoreState, syncKeyOf, toSyncDoc, type SyncRowDoc, type SyncedTable } from './stamps';
import type { SyncStateRow } from './sync-rows';

type Doc = RxDocumentData<SyncRowDoc>;
type Bulk = EventBulk<RxStorageChangeEvent<Doc>, RxStorageDefaultCheckpoint>;

const PROTOCOL_FIELDS = ['_deleted', '_rev', '_meta', '_attachments'];

export function syncDocSchema(table: string): RxJsonSchema<Doc> {
  return fillWithDefaultSettings({
    title: table,
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { id: { type: 'string', maxLength: 200 } },
    required: ['id'],
    // The app's rows keep every field they have; RxDB never validates them here.
    additionalProperties: true as never,
  }) as unknown as RxJsonSchema<Doc>;
}

function stripProtocol(doc: Record<string, unknown>, keepId: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!PROTOCOL_FIELDS.includes(k) && (keepId || k !== 'id')) row[k] = v;
  return row;
}

/**
 * Runs `work` in one Dexie transaction and hands it the transaction as DBCore sees it, so the raw core below the
 * encryption can be used inside Dexie's own transaction handling (commit, abort, live-query notification).
 */
function inTransaction<T>(database: Dexie, stores: string[], mode: 'readonly' | 'readwrite', work: (trans: DBCoreTransaction) => Promise<T>): Promise<T> {
  return database.transaction(mode === 'readwrite' ? 'rw' : 'r', stores, (tx) => work((tx as unknown as { idbtrans: DBCoreTransaction }).idbtrans));
}

/**
 * RxDB's storage-instance interface over one of the app's own Dexie tables, so RxDB's replication protocol
 * (checkpoints, batching, resumption, conflict detection) runs on the tables every screen reads, not on a copy.
 * It reads and writes the rows as stored, through the DBCore under the field encryption: the server receives and
 * keeps ciphertext. Incoming rows are written with their stamps in one transaction, and the case index is told.
 */
export class DexieTableInstance implements RxStorageInstance<SyncRowDoc, object, object, RxStorageDefaultCheckpoint> {
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: RxJsonSchema<Doc>;
  readonly internals = {};
  readonly options = {};
  private readonly changes = new Subject<Bulk>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly owner: Dexie,
    readonly table: SyncedTable,
  ) {
    this.databaseName = owner.name;
    this.collectionName = table;
    this.schema = syncDocSchema(table);
    this.unsubscribe = onSyncedWrites(owner, (written, docs, context) => {
      if (written === table) this.emit(docs, context);
    });
  }

  private core(): DBCore {
    const down = syncCoreState(this.owner).down;
    if (!down) throw new Error('the database is not open');
    return down;
  }

  private key() {
    return syncKeyOf(this.table, syncCoreState(this.owner).writer);
  }

  private emit(docs: SyncRowDoc[], context: string): void {
    const last = docs[docs.length - 1]!;
    this.changes.next({
      id: `${context}:${last._rev}:${last._meta.lwt}`,
      context,
      checkpoint: { id: last.id, lwt: last._meta.lwt },
      events: docs.map((doc) => ({
        documentId: doc.id,
        documentData: doc as Doc,
        operation: doc._deleted ? 'DELETE' : 'UPDATE',
        previousDocumentData: undefined,
      })) as unknown as RxStorageChangeEvent<Doc>[],
    });
  }

  private async read(trans: DBCoreTransaction, ids: string[]): Promise<(Doc | undefined)[]> {
    const core = this.core();
    const [rows, stamps] = await Promise.all([
      core.table(this.table).getMany({ trans, keys: ids.map(this.key().toKey) }),
      core.table(STATE_TABLE).getMany({ trans, keys: ids.map((id) => [this.table, id]) }),
    ]);
    return ids.map((id, i) => {
      const stamp = stamps[i] as SyncStateRow | undefined;
      const row = rows[i] as Record<string, unknown> | undefined;
      if (!stamp) return row ? (toSyncDoc(id, row, { table: this.table, key: id, rev: '0-unstamped', lwt: 0, deleted: false }) as Doc) : undefined;
      return toSyncDoc(id, row, stamp) as Doc;
    });
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc[]> {
    const docs = await inTransaction(this.owner, [this.table, STATE_TABLE], 'readonly', (trans) => this.read(trans, ids));
    return docs.filter((doc): doc is Doc => !!doc && (withDeleted || !doc._deleted));
  }

  async bulkWrite(writes: BulkWriteRow<SyncRowDoc>[], context: string): Promise<RxStorageBulkWriteResponse<SyncRowDoc>> {
    const ids = writes.map((w) => w.document.id);
    const core = this.core();
    let written: Doc[] = [];
    const error = await inTransaction(this.owner, [this.table, STATE_TABLE], 'readwrite', async (trans) => {
      const current = await this.read(trans, ids);
      const inDb = new Map<string, Doc>();
      current.forEach((doc) => doc && inDb.set(doc.id, doc));
      const categorized = categorizeBulkWriteRows<SyncRowDoc>(this, 'id', inDb, writes, context);
      written = [...categorized.bulkInsertDocs, ...categorized.bulkUpdateDocs].map((row) => row.document as Doc);
      const kept = written.filter((doc) => !doc._deleted);
      const removed = written.filter((doc) => doc._deleted).map((doc) => doc.id);
      const key = this.key();
      if (kept.length) await core.table(this.table).mutate({ type: 'put', trans, values: kept.map((doc) => stripProtocol(doc, key.idIsField)) });
      if (removed.length) await core.table(this.table).mutate({ type: 'delete', trans, keys: removed.map(key.toKey) });
      if (written.length) {
        const stamps: SyncStateRow[] = written.map((doc) => ({ table: this.table, key: doc.id, rev: doc._rev, lwt: doc._meta.lwt, deleted: doc._deleted }));
        await core.table(STATE_TABLE).mutate({ type: 'put', trans, values: stamps });
      }
      return categorized.errors;
    });
    if (written.length) {
      this.signalLiveQueries();
      // Incoming rows arrive below the layer that keeps each case's search entry in step (data/case-search.ts):
      // derive the entries they touch (a case, a person's cases, the cases whose letters got numbers) here.
      const ids = written.map((doc) => doc.id);
      const refresh =
        this.table === 'cases' ? { caseIds: ids } : this.table === 'persons' ? { personIds: ids } : this.table === 'outgoing' ? { caseIds: [...new Set(written.map((doc) => String(doc.caseId)))] } : null;
      if (refresh) await refreshCaseSearch(this.owner as AryzDb, refresh);
      this.emit(written as SyncRowDoc[], context);
    }
    return { error };
  }

  /**
   * Incoming rows were written under Dexie's observability middleware, which therefore did not see them: tell the
   * live queries on this table (every screen's list) that it changed, as Dexie itself does after an upgrade.
   */
  private signalLiveQueries(): void {
    const all = () => new RangeSet(-Infinity, [[[]]]);
    const prefix = `idb://${this.owner.name}/${this.table}/`;
    const parts: Record<string, RangeSet> = { [prefix]: all(), [`${prefix}:dels`]: all() };
    for (const index of this.owner.table(this.table).schema.indexes) if (index.name) parts[`${prefix}${index.name}`] = all();
    DexieRuntime.on.storagemutated.fire(parts);
  }

  async getChangedDocumentsSince(limit: number, checkpoint?: RxStorageDefaultCheckpoint): Promise<{ documents: Doc[]; checkpoint: RxStorageDefaultCheckpoint }> {
    const core = this.core();
    return inTransaction(this.owner, [this.table, STATE_TABLE], 'readonly', async (trans) => {
      const found = await core.table(STATE_TABLE).query({
        trans,
        limit,
        values: true,
        query: {
          index: core.table(STATE_TABLE).schema.indexes.find((ix) => ix.name === '[table+lwt+key]')!,
          range: {
            type: 2 /* DBCoreRangeType.Range */,
            lower: checkpoint ? [this.table, checkpoint.lwt, checkpoint.id] : [this.table],
            lowerOpen: true,
            upper: [this.table, Infinity, []],
            upperOpen: false,
          },
        },
      });
      const stamps = found.result as SyncStateRow[];
      const rows = await core.table(this.table).getMany({ trans, keys: stamps.map((s) => this.key().toKey(s.key)) });
      const documents = stamps.map((stamp, i) => toSyncDoc(stamp.key, rows[i] as Record<string, unknown> | undefined, stamp) as Doc);
      const last = stamps[stamps.length - 1];
      return { documents, checkpoint: last ? { id: last.key, lwt: last.lwt } : (checkpoint ?? { id: '', lwt: 0 }) };
    });
  }

  changeStream(): Observable<Bulk> {
    return this.changes.asObservable();
  }

  /** Every synced document of the table (only for RxDB's own tooling; the app reads its tables directly). */
  async query(prepared: PreparedQuery<SyncRowDoc>): Promise<RxStorageQueryResult<SyncRowDoc>> {
    const all: Doc[] = [];
    let checkpoint: RxStorageDefaultCheckpoint | undefined;
    for (;;) {
      const page = await this.getChangedDocumentsSince(1000, checkpoint);
      all.push(...page.documents);
      if (page.documents.length < 1000) break;
      checkpoint = page.checkpoint;
    }
    return answerQuery(this.schema, prepared, all);
  }

  async count(prepared: PreparedQuery<SyncRowDoc>): Promise<RxStorageCountResult> {
    return { count: (await this.query(prepared)).documents.length, mode: 'slow' };
  }

  getAttachmentData(): Promise<never> {
    return Promise.reject(new Error('synced tables carry no RxDB attachments (files travel by hash)'));
  }

  /** Drops tombstones older than `minimumDeletedTime` ms once they have been pushed. */
  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    const core = this.core();
    const before = Date.now() - minimumDeletedTime;
    await inTransaction(this.owner, [STATE_TABLE], 'readwrite', async (trans) => {
      const found = await core.table(STATE_TABLE).query({
        trans,
        values: true,
        query: {
          index: core.table(STATE_TABLE).schema.indexes.find((ix) => ix.name === '[table+lwt+key]')!,
          range: { type: 2, lower: [this.table], lowerOpen: true, upper: [this.table, before], upperOpen: true },
        },
      });
      const old = (found.result as SyncStateRow[]).filter((s) => s.deleted).map((s) => [s.table, s.key]);
      if (old.length) await core.table(STATE_TABLE).mutate({ type: 'delete', trans, keys: old });
    });
    return true;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.changes.complete();
  }

  remove(): Promise<void> {
    return Promise.reject(new Error('the app owns its tables; they are never removed by the replication'));
  }
}
