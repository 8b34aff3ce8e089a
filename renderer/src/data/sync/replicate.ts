import { Subject } from 'rxjs';
import {
  awaitRxStorageReplicationIdle,
  cancelRxStorageReplication,
  defaultHashSha256,
  replicateRxStorageInstance,
  type RxConflictHandler,
  type RxReplicationHandler,
  type RxStorageInstanceReplicationState,
  type WithDeleted,
} from 'rxdb';
import type { AtRestCodec } from '../../../../shared/crypto/at-rest';
import { mergeFields, sameRow } from '../../../../shared/sync/merge';
import { SyncRefusal, type SyncCheckpoint, type SyncDoc, type SyncTransport } from '../../../../shared/sync/protocol';
import type { AryzDb } from '../schema';
import { DexieMetaInstance } from './meta-instance';
import { currentCodec } from '../at-rest/keys';
import { CASE_NUMBER_TAG, defaultCaseNumberTag } from './case-numbers';
import { plainFieldEquality } from './plain-equality';
import { setRegisterNumberSource } from './register-source';
import { MERGE_POLICIES } from './policy';
import { PUSH_ONLY_TABLES, SYNCED_TABLES, SYNC_ENABLED_KEY, nextLwt, syncCoreState, syncKeyOf, type SyncRowDoc, type SyncedTable } from './stamps';
import type { SyncConflictRow, SyncStateRow } from './sync-rows';
import { DexieTableInstance } from './table-instance';

export interface MissionSyncOptions {
  /** This PC's id, written into every revision it makes. */
  writer: string;
  tables?: readonly SyncedTable[];
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** First delay before retrying a failed call to the server; doubles up to 30 s. */
  retryMs?: number;
  onError?: (table: SyncedTable, error: unknown) => void;
  /**
   * What this PC puts in its case numbers (CASE_NUMBER_TAG: up to 4 capital letters or digits), unique in the
   * mission: the join screen hands it out. Kept from the previous start when absent; derived from `writer` at first.
   */
  caseNumberTag?: string;
  /** The mission data key's codec, to compare sealed fields on their plain values; the session's by default. */
  codecOf?: () => AtRestCodec | null;
}

export interface MissionSync {
  /** Resolves once both directions of every table have nothing left to do. */
  idle(): Promise<void>;
  /** Stops talking to the server; writes keep being stamped for the next start. */
  stop(): Promise<void>;
}

type State = RxStorageInstanceReplicationState<SyncRowDoc>;

function docState(doc: Record<string, unknown>): Record<string, unknown> {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return rest;
}

/**
 * Rows written before sync was switched on have no stamp: give each one, so the first push sends them. Safe to run
 * again: rows already stamped keep theirs.
 */
async function stampExistingRows(database: AryzDb, table: SyncedTable, writer: string): Promise<void> {
  const state = syncCoreState(database);
  const { toId } = syncKeyOf(table, writer);
  const keys = (await database.table(table).toCollection().primaryKeys()).map(toId);
  const stamped = new Set(
    ((await database.syncState.where('[table+key]').between([table, ''], [table, '\uffff']).primaryKeys()) as [string, string][]).map(([, key]) => key),
  );
  const missing = keys.filter((key): key is string => key !== null && !stamped.has(key));
  for (let i = 0; i < missing.length; i += 2000) {
    const chunk = missing.slice(i, i + 2000);
    await database.syncState.bulkPut(chunk.map((key): SyncStateRow => ({ table, key, rev: `1-${writer}`, lwt: nextLwt(state), deleted: false })));
  }
}

function conflictHandler(database: AryzDb, table: SyncedTable, codecOf: () => AtRestCodec | null): RxConflictHandler<SyncRowDoc> {
  const same = plainFieldEquality(table, codecOf);
  return {
    isEqual: (a, b) => sameRow(docState(a), docState(b), same),
    async resolve({ assumedMasterState, realMasterState, newDocumentState }) {
      const { merged, conflicts } = mergeFields(
        assumedMasterState ? docState(assumedMasterState) : undefined,
        docState(newDocumentState),
        docState(realMasterState),
        MERGE_POLICIES[table],
        same,
      );
      if (conflicts.length) {
        const row: SyncConflictRow = {
          id: crypto.randomUUID(),
          table,
          key: realMasterState.id,
          at: new Date().toISOString(),
          fields: conflicts,
          resolved: false,
        };
        await database.syncConflicts.put(row);
      }
      return merged as WithDeleted<SyncRowDoc>;
    },
  };
}

/**
 * Starts replicating the synced tables with the mission server through RxDB's replication protocol: each table is
 * an RxDB storage instance over the app's own Dexie table (table-instance.ts), the server is the master. A call that
 * fails (server down, network cut, server killed mid-push) is retried with backoff; RxDB keeps its checkpoint and
 * the state each push assumed, so nothing is sent twice and nothing is skipped. A refusal (PC not approved, bad
 * credential) is retried too, slowly, and reported through `onError`.
 */
export async function startMissionSync(database: AryzDb, transport: SyncTransport, options: MissionSyncOptions): Promise<MissionSync> {
  await database.open();
  const core = syncCoreState(database);
  const joined = await database.syncMeta.get(SYNC_ENABLED_KEY);
  const caseNumberTag = options.caseNumberTag ?? (typeof joined?.doc.caseNumberTag === 'string' ? joined.doc.caseNumberTag : defaultCaseNumberTag(options.writer));
  if (!CASE_NUMBER_TAG.test(caseNumberTag)) throw new Error(`A case number tag is 1 to 4 capital letters or digits, not ${JSON.stringify(caseNumberTag)}`);
  core.writer = options.writer;
  core.caseTag = caseNumberTag;
  core.stamping = true;
  await database.syncMeta.put({
    scope: SYNC_ENABLED_KEY[0],
    id: SYNC_ENABLED_KEY[1],
    doc: { writer: options.writer, caseNumberTag, since: typeof joined?.doc.since === 'string' ? joined.doc.since : new Date().toISOString() },
  });
  const tables = options.tables ?? SYNCED_TABLES;
  let stopped = false;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function retrying<T>(table: SyncedTable, call: () => Promise<T>, onStop: () => T): Promise<T> {
    let delay = options.retryMs ?? 1000;
    for (;;) {
      if (stopped) return onStop();
      try {
        return await call();
      } catch (error) {
        options.onError?.(table, error);
        await wait(error instanceof SyncRefusal ? Math.max(delay, 5000) : delay);
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  const streams = new Map<string, Subject<'RESYNC'>>();
  const states: State[] = [];
  const closers: (() => Promise<void>)[] = [];
  for (const table of tables) {
    await stampExistingRows(database, table, options.writer);
    const fork = new DexieTableInstance(database, table);
    const meta = new DexieMetaInstance(database.syncMeta, fork);
    const stream = new Subject<'RESYNC'>();
    streams.set(table, stream);
    const handler: RxReplicationHandler<SyncRowDoc, SyncCheckpoint> = {
      masterChangeStream$: stream.asObservable(),
      // A push-only table never reads the server's rows (the audit: other PCs' chains stay on the server).
      masterChangesSince: (checkpoint, batchSize) =>
        PUSH_ONLY_TABLES.includes(table)
          ? Promise.resolve({ documents: [], checkpoint: checkpoint as SyncCheckpoint })
          : retrying(
          table,
          () => transport.pull(table, checkpoint ?? null, batchSize) as unknown as Promise<{ documents: WithDeleted<SyncRowDoc>[]; checkpoint: SyncCheckpoint }>,
          () => ({ documents: [], checkpoint: checkpoint as SyncCheckpoint }),
        ),
      masterWrite: (rows) =>
        retrying(
          table,
          () => transport.push(table, rows as unknown as { newDocumentState: SyncDoc; assumedMasterState?: SyncDoc }[]) as unknown as Promise<WithDeleted<SyncRowDoc>[]>,
          () => [],
        ),
    };
    states.push(
      replicateRxStorageInstance<SyncRowDoc>({
        identifier: `aryz-mission-${table}`,
        replicationHandler: handler,
        conflictHandler: conflictHandler(database, table, options.codecOf ?? currentCodec),
        forkInstance: fork,
        metaInstance: meta as never,
        pullBatchSize: options.pullBatchSize ?? 200,
        pushBatchSize: options.pushBatchSize ?? 100,
        hashFunction: defaultHashSha256,
        skipStoringPullMeta: false,
      }),
    );
    closers.push(() => fork.close(), () => meta.close());
  }
  const unwatch = transport.watch((collection) => streams.get(collection)?.next('RESYNC'));
  setRegisterNumberSource(database, async (year) => (await transport.nextRegisterNumber(year)).seq);

  return {
    idle: async () => {
      await Promise.all(states.map((state) => awaitRxStorageReplicationIdle(state)));
    },
    stop: async () => {
      stopped = true;
      unwatch();
      setRegisterNumberSource(database, null);
      // Stamping stays on: what is written while the replication is stopped (offline, before the next start)
      // must still be pushed when it runs again.
      await Promise.all(states.map((state) => cancelRxStorageReplication(state)));
      for (const close of closers) await close();
    },
  };
}
