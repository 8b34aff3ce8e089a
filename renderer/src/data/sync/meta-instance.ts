import { Subject, type Observable } from 'rxjs';
import {
  categorizeBulkWriteRows,
  getRxReplicationMetaInstanceSchema,
  type BulkWriteRow,
  type EventBulk,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageCountResult,
  type RxStorageInstance,
  type RxStorageQueryResult,
  type RxStorageReplicationMeta,
} from 'rxdb';
import { answerQuery } from './answer-query';
import type { Table } from 'dexie';
import type { SyncMetaRow } from './sync-rows';
import { syncDocSchema, type DexieTableInstance } from './table-instance';
import type { SyncRowDoc } from './stamps';

type Meta = RxStorageReplicationMeta<SyncRowDoc, unknown>;
type MetaDoc = RxDocumentData<Meta>;

/**
 * The replication engine's bookkeeping for one synced table — the server state it last saw of each row (what a push
 * assumes) and its checkpoints — kept in the app's `syncMeta` table so a push cut short resumes after a restart.
 */
export class DexieMetaInstance implements RxStorageInstance<Meta, object, object> {
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: RxJsonSchema<MetaDoc>;
  readonly internals = {};
  readonly options = {};
  private readonly changes = new Subject<EventBulk<RxStorageChangeEvent<MetaDoc>, unknown>>();

  constructor(
    private readonly rows: Table<SyncMetaRow, [string, string]>,
    fork: DexieTableInstance,
  ) {
    this.databaseName = fork.databaseName;
    this.collectionName = `${fork.collectionName}-sync-meta`;
    this.schema = getRxReplicationMetaInstanceSchema(syncDocSchema(fork.collectionName), false) as RxJsonSchema<MetaDoc>;
  }

  private get scope(): string {
    return this.collectionName;
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<MetaDoc[]> {
    const found = await this.rows.bulkGet(ids.map((id) => [this.scope, id] as [string, string]));
    return found.map((row) => row?.doc as MetaDoc | undefined).filter((doc): doc is MetaDoc => !!doc && (withDeleted || !doc._deleted));
  }

  async bulkWrite(writes: BulkWriteRow<Meta>[], context: string): Promise<RxStorageBulkWriteResponse<Meta>> {
    return this.rows.db.transaction('rw', this.rows, async () => {
      const current = await this.findDocumentsById(
        writes.map((w) => w.document.id),
        true,
      );
      const inDb = new Map(current.map((doc) => [doc.id, doc]));
      const categorized = categorizeBulkWriteRows<Meta>(this, 'id', inDb, writes, context);
      const docs = [...categorized.bulkInsertDocs, ...categorized.bulkUpdateDocs].map((row) => row.document as MetaDoc);
      if (docs.length) await this.rows.bulkPut(docs.map((doc) => ({ scope: this.scope, id: doc.id, doc: doc as unknown as Record<string, unknown> })));
      if (categorized.eventBulk.events.length) this.changes.next(categorized.eventBulk);
      return { error: categorized.errors };
    });
  }

  async query(prepared: PreparedQuery<Meta>): Promise<RxStorageQueryResult<Meta>> {
    const all = (await this.rows.where('[scope+id]').between([this.scope, ''], [this.scope, '\uffff']).toArray()).map((row) => row.doc as MetaDoc);
    return answerQuery(this.schema, prepared, all);
  }

  async count(prepared: PreparedQuery<Meta>): Promise<RxStorageCountResult> {
    return { count: (await this.query(prepared)).documents.length, mode: 'slow' };
  }

  getAttachmentData(): Promise<never> {
    return Promise.reject(new Error('the sync bookkeeping has no attachments'));
  }

  changeStream(): Observable<EventBulk<RxStorageChangeEvent<MetaDoc>, unknown>> {
    return this.changes.asObservable();
  }

  async cleanup(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.changes.complete();
  }

  /** Forgets what was synced (a PC leaving the mission); the next start syncs from scratch. */
  async remove(): Promise<void> {
    await this.rows.where('[scope+id]').between([this.scope, ''], [this.scope, '\uffff']).delete();
  }
}
