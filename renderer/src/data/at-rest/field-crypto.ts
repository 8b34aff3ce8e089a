import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { isKeyedHash, isSealed, type AtRestCodec } from '../../../../shared/crypto/at-rest';
import { AT_REST_PLAN, type TablePlan } from './fields';
import { currentCodec, DataLockedError } from './keys';

type Row = Record<string, unknown>;

/**
 * Sits lowest in Dexie's DBCore stack, right above IndexedDB, so repositories, live queries, hooks and the
 * case-writes listeners above it all see plain rows, and only sealed fields and keyed hashes reach the disk
 * (the field list is data/at-rest/fields.ts).
 *
 * Writes: each sealed field is encrypted on its own, each hashed index value is replaced by its keyed hash;
 * while locked a write to a table with personal fields is refused with DataLockedError (never written plain).
 * Reads: sealed fields open lazily, on first access, so a screen that reads a hundred rows of a large range or a
 * worker that needs one field of every case pays only for what it touches; while locked, a read that meets a
 * sealed value is refused. Plain values left from before the upgrade read as they are.
 */
export function atRestMiddleware(codecOf: () => AtRestCodec | null = currentCodec): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'at-rest',
    // Below Dexie's own middlewares (the lowest is -1): the cache, observability and hooks see plain values.
    level: -2,
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        const plan = AT_REST_PLAN.get(name);
        if (!plan || (plan.sealed.length === 0 && plan.hashed.length === 0)) return table;
        const crypto = tableCrypto(name, plan, codecOf);
        return {
          ...table,
          mutate: (request) => table.mutate(crypto.sealRequest(request)),
          // `.then` rather than `await`: Dexie's promises carry its transaction zone, which a native await drops.
          get: (request) => table.get(request).then((row) => crypto.openRow(row)),
          getMany: (request) => table.getMany(request).then((rows) => rows.map((row) => crypto.openRow(row))),
          query: (request) =>
            table.query(request).then((answer) => (request.values ? { ...answer, result: answer.result.map((row) => crypto.openRow(row)) } : answer)),
          openCursor: (request) =>
            table.openCursor(request).then((cursor) => (cursor && request.values !== false ? openingCursor(cursor, crypto.openRow) : cursor)),
        };
      },
    }),
  };
}

interface TableCrypto {
  sealRequest(request: DBCoreMutateRequest): DBCoreMutateRequest;
  openRow<T>(row: T): T;
}

function tableCrypto(table: string, plan: TablePlan, codecOf: () => AtRestCodec | null): TableCrypto {
  const sealedWhere = plan.sealed.map((field) => [field, `${table}.${field}`] as const);
  const hashValue = (codec: AtRestCodec, value: unknown): unknown => {
    if (typeof value === 'string') return value === '' || isKeyedHash(value) ? value : codec.keyedHash(value);
    if (Array.isArray(value)) return value.map((v) => hashValue(codec, v));
    return value;
  };
  const sealRow = (codec: AtRestCodec, row: unknown): unknown => {
    if (!row || typeof row !== 'object') return row;
    const out: Row = { ...(row as Row) };
    for (const [field, where] of sealedWhere) {
      const value = out[field];
      if (value !== undefined && !isSealed(value)) out[field] = codec.seal(where, value);
    }
    for (const field of plan.hashed) if (field in out) out[field] = hashValue(codec, out[field]);
    return out;
  };
  return {
    sealRequest(request) {
      if (request.type !== 'add' && request.type !== 'put') return request;
      const codec = codecOf();
      if (!codec) throw new DataLockedError();
      return { ...request, values: request.values.map((row) => sealRow(codec, row)) };
    },
    openRow<T>(row: T): T {
      if (!row || typeof row !== 'object') return row;
      const target = row as Row;
      let codec: AtRestCodec | null | undefined;
      for (const [field, where] of sealedWhere) {
        const stored = target[field];
        if (!isSealed(stored)) continue;
        codec ??= codecOf();
        if (!codec) throw new DataLockedError();
        openLazily(target, field, where, stored, codec);
      }
      return row;
    },
  };
}

/** Replaces a sealed field by an accessor that opens it once, then becomes the plain value. */
function openLazily(row: Row, field: string, where: string, stored: string, codec: AtRestCodec): void {
  const settle = (value: unknown) => {
    if (!Object.isFrozen(row)) Object.defineProperty(row, field, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(row, field, {
    enumerable: true,
    configurable: true,
    get() {
      const value = codec.open(where, stored);
      settle(value);
      return value;
    },
    set(value: unknown) {
      settle(value);
    },
  });
}

/**
 * The cursor with its value opened (once per position), the way Dexie's own middlewares wrap cursors: `key` and
 * `primaryKey` read through to the cursor below, since IndexedDB's native getters refuse another `this`.
 */
function openingCursor(cursor: DBCoreCursor, openRow: <T>(row: T) => T): DBCoreCursor {
  let seen: unknown = undefined;
  let opened: unknown = undefined;
  return Object.create(cursor, {
    key: { get: () => cursor.key as unknown },
    primaryKey: { get: () => cursor.primaryKey as unknown },
    value: {
      get() {
        const raw = cursor.value as unknown;
        if (raw !== seen) {
          seen = raw;
          opened = openRow(raw);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}
