import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { SyncStateRow } from './sync-rows';

/**
 * Tables replicated to the mission server: people, cases, their tracking (requests sent with the answers they
 * got, register checks), the documents made for them (the rows; their PDF bytes do not travel yet) and the
 * outgoing register (its numbers come from the server once a PC has joined, so `[year+seq]` is one mission-wide
 * key) and the audit, pushed only: each PC's rows travel as `"<pcId>:<seq>"`, so the server holds one hash chain
 * per PC and refuses any edit or removal of a row it holds. Other PCs' audit rows are not pulled yet, and reference
 * data and templates wait for versions that cannot collide (see the closing note).
 */
export const SYNCED_TABLES = ['persons', 'cases', 'requests', 'checks', 'documents', 'outgoing', 'audit'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
export const STATE_TABLE = 'syncState';

/**
 * How a table's primary key becomes the engine's string document id and back. Most tables are keyed by a
 * string `id`; the register by `[year, seq]`, which travels as `"<year>-<seq>"` and is not stored as a field.
 */
interface SyncKey {
  toId(key: unknown): string | null;
  toKey(id: string): unknown;
  /** The id is one of the row's own fields (so it is kept when an incoming document becomes a row). */
  idIsField: boolean;
}

const STRING_ID: SyncKey = { toId: (key) => (typeof key === 'string' ? key : null), toKey: (id) => id, idIsField: true };
const YEAR_SEQ: SyncKey = {
  toId: (key) => (Array.isArray(key) && key.length === 2 && Number.isInteger(key[0]) && Number.isInteger(key[1]) ? `${key[0]}-${key[1]}` : null),
  toKey: (id) => id.split('-').map(Number),
  idIsField: false,
};

/** The audit's local `seq` under this PC's id: ids unique in the mission, one chain per PC on the server. */
function perPcSeq(writer: string): SyncKey {
  return {
    toId: (key) => (typeof key === 'number' && Number.isInteger(key) ? `${writer}:${key}` : null),
    toKey: (id) => Number(id.slice(id.lastIndexOf(':') + 1)),
    idIsField: false,
  };
}

/** `writer`: this PC's id (syncCoreState(owner).writer), which the audit's ids carry. */
export function syncKeyOf(table: SyncedTable, writer: string): SyncKey {
  if (table === 'audit') return perPcSeq(writer);
  return table === 'outgoing' ? YEAR_SEQ : STRING_ID;
}

/** Tables this PC only pushes: it keeps its own rows, the server keeps every PC's. */
export const PUSH_ONLY_TABLES: readonly SyncedTable[] = ['audit'];

/** A synced row as the engine sees it: the stored row, its stamp, and the protocol's fields. */
export type SyncRowDoc = Record<string, unknown> & {
  id: string;
  _deleted: boolean;
  _rev: string;
  _meta: { lwt: number };
  _attachments: Record<string, never>;
};

export type SyncWriteListener = (table: SyncedTable, docs: SyncRowDoc[], context: string) => void;

interface SyncCoreState {
  /** The DBCore below this middleware: raw stored rows, under the field encryption above it. */
  down: DBCore | null;
  stamping: boolean;
  writer: string;
  /** What this PC puts in its case numbers once joined, so two PCs never give one number (case-numbers.ts). */
  caseTag: string | null;
  lastLwt: number;
  listeners: Set<SyncWriteListener>;
}

const states = new WeakMap<object, SyncCoreState>();

export function syncCoreState(owner: object): SyncCoreState {
  let state = states.get(owner);
  if (!state) states.set(owner, (state = { down: null, stamping: false, writer: 'local', caseTag: null, lastLwt: 0, listeners: new Set() }));
  return state;
}

/** The next local write time: RxDB's checkpoints need it strictly increasing, even within one millisecond. */
export function nextLwt(state: SyncCoreState): number {
  const now = Date.now();
  state.lastLwt = now > state.lastLwt ? now : state.lastLwt + 0.01;
  return state.lastLwt;
}

/** The `syncMeta` row that says this database belongs to a mission server, and which PC writes to it. */
export const SYNC_ENABLED_KEY: [string, string] = ['aryz', 'enabled'];

/**
 * Called when the database opens: a PC that has joined a mission stamps every write from the first one, even those
 * made before the replication starts (or while it is stopped), so none of them is left out of the next push.
 */
export async function loadSyncSwitch(owner: object, read: () => Promise<{ doc: Record<string, unknown> } | undefined>): Promise<void> {
  const row = await read();
  const state = syncCoreState(owner);
  state.stamping = !!row;
  if (row && typeof row.doc.writer === 'string') state.writer = row.doc.writer;
  if (row && typeof row.doc.caseNumberTag === 'string') state.caseTag = row.doc.caseNumberTag;
}

export function nextRev(previous: string | undefined, writer: string): string {
  const height = previous ? Number.parseInt(previous, 10) || 0 : 0;
  return `${height + 1}-${writer}`;
}

export function toSyncDoc(key: string, row: Record<string, unknown> | undefined, stamp: SyncStateRow): SyncRowDoc {
  const meta = { _rev: stamp.rev, _meta: { lwt: stamp.lwt }, _attachments: {} };
  if (!row || stamp.deleted) return { id: key, _deleted: true, ...meta };
  return { ...row, id: key, _deleted: false, ...meta };
}

export function onSyncedWrites(owner: object, listener: SyncWriteListener): () => void {
  const { listeners } = syncCoreState(owner);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitSyncedWrites(owner: object, table: SyncedTable, docs: SyncRowDoc[], context: string): void {
  if (docs.length === 0) return;
  for (const listener of syncCoreState(owner).listeners) listener(table, docs, context);
}

/** Runs `then` once the transaction commits (never for one that aborts, so nothing unsaved is pushed). */
export function afterCommit(trans: DBCoreTransaction, then: () => void): void {
  const idb = trans as unknown as Partial<IDBTransaction>;
  if (typeof idb.addEventListener === 'function') idb.addEventListener('complete', then);
  else queueMicrotask(then);
}

function isSynced(name: string): name is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(name);
}

async function keysWritten(table: DBCoreTable, request: DBCoreMutateRequest): Promise<unknown[]> {
  if (request.type === 'delete') return request.keys;
  if (request.type === 'deleteRange') {
    const found = await table.query({ trans: request.trans, query: { index: table.schema.primaryKey, range: request.range }, values: false });
    return found.result;
  }
  const extract = table.schema.primaryKey.extractKey;
  return request.keys ?? request.values.map((value) => (extract ? extract(value) : (value as { id?: unknown }).id));
}

/**
 * Stamps every write to a synced table with the revision and local write time RxDB's replication needs, in the
 * same transaction, and tells the replication once it commits. It sits lowest in the DBCore stack (level -3, under
 * the at-rest middleware at -2 and Dexie's own), so stamps and pushed rows are the rows as stored: personal fields
 * sealed, equality keys hashed. The replication writes incoming rows through `down`, below itself, and then tells
 * live queries and the case index itself (table-instance.ts).
 * Until sync is started nothing is stamped, so a PC without a server writes exactly what it wrote before.
 */
export function syncStampMiddleware(owner: object): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sync-stamps',
    level: -3,
    create: (down) => {
      const state = syncCoreState(owner);
      state.down = down;
      return {
        ...down,
        transaction: (stores, mode, options) => {
          // Always widened, so sync switched on in the middle of a transaction never writes outside its scope.
          const widen = mode === 'readwrite' && stores.some(isSynced) && !stores.includes(STATE_TABLE);
          return down.transaction(widen ? [...stores, STATE_TABLE] : stores, mode, options);
        },
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          if (!isSynced(name)) return table;
          return {
            ...table,
            mutate: async (request) => {
              if (!state.stamping) return table.mutate(request);
              const before = request.type === 'deleteRange' ? await keysWritten(table, request) : null;
              const result = await table.mutate(request);
              const keys = before ?? (request.type === 'add' || request.type === 'put' ? (result.results ?? (await keysWritten(table, request))) : await keysWritten(table, request));
              const { toId } = syncKeyOf(name, state.writer);
              const written = keys
                .map((key, i) => ({ key: toId(key), value: request.type === 'add' || request.type === 'put' ? (request.values[i] as Record<string, unknown>) : undefined, i }))
                .filter((w): w is { key: string; value: Record<string, unknown> | undefined; i: number } => w.key !== null && !result.failures[w.i]);
              if (written.length === 0) return result;
              const stamps = down.table(STATE_TABLE);
              const previous = (await stamps.getMany({ trans: request.trans, keys: written.map((w) => [name, w.key]) })) as (SyncStateRow | undefined)[];
              const deleting = request.type === 'delete' || request.type === 'deleteRange';
              const rows: SyncStateRow[] = written.map((w, i) => ({ table: name, key: w.key, rev: nextRev(previous[i]?.rev, state.writer), lwt: nextLwt(state), deleted: deleting }));
              await stamps.mutate({ type: 'put', trans: request.trans, values: rows });
              const docs = rows.map((stamp, i) => toSyncDoc(stamp.key, written[i]!.value, stamp));
              afterCommit(request.trans, () => emitSyncedWrites(owner, name, docs, 'aryz-local-write'));
              return result;
            },
          };
        },
      };
    },
  };
}
