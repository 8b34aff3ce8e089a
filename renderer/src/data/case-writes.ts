import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** Ids of cases written, or 'all' when a range was deleted and the ids are not known. */
export type CaseWrites = readonly string[] | 'all';
type Listener = (writes: CaseWrites) => void;

/**
 * The tables a case's search words come from: the case itself, its person (names, ПИН, documents, birth
 * date, phones) and the outgoing register (the numbers of its letters).
 */
type Watched = 'cases' | 'persons' | 'outgoing';
const WATCHED: readonly string[] = ['cases', 'persons', 'outgoing'] satisfies readonly Watched[];

const listeners = new WeakMap<object, Map<Watched, Set<Listener>>>();

function primaryIds(request: DBCoreMutateRequest): CaseWrites {
  switch (request.type) {
    case 'add':
    case 'put':
      return (request.keys ?? request.values.map((value: { id?: unknown }) => value.id)).filter((id): id is string => typeof id === 'string');
    case 'delete':
      return request.keys.filter((id): id is string => typeof id === 'string');
    default:
      return 'all';
  }
}

/** What a write reports: row ids for cases and persons; for the register, the cases its rows belong to. */
function idsOf(table: Watched, request: DBCoreMutateRequest): CaseWrites {
  if (table !== 'outgoing') return primaryIds(request);
  if (request.type !== 'add' && request.type !== 'put') return 'all';
  return request.values.map((value: { caseId?: unknown }) => value.caseId).filter((id): id is string => typeof id === 'string');
}

/**
 * Tells listeners which rows a write touched, whatever code path wrote them (repository, import, bulk
 * edits), so in-memory views of the cases (the search index) can re-read exactly those rows. A write inside
 * a transaction that later aborts is reported too: listeners re-read the rows, so they see the truth.
 */
export function caseWritesMiddleware(owner: object): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'case-writes',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        if (!WATCHED.includes(name)) return table;
        const watched = name as Watched;
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request);
            const set = listeners.get(owner)?.get(watched);
            if (set && set.size > 0) {
              const writes = idsOf(watched, request);
              for (const listener of set) listener(writes);
            }
            return result;
          },
        };
      },
    }),
  };
}

function subscribe(owner: object, table: Watched, listener: Listener): () => void {
  let tables = listeners.get(owner);
  if (!tables) listeners.set(owner, (tables = new Map()));
  let set = tables.get(table);
  if (!set) tables.set(table, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Reports writes made below this middleware: the mission sync writes incoming rows under the field encryption
 * and must still tell the in-memory case index which rows to re-read.
 */
export function notifyWrites(owner: object, table: Watched, writes: CaseWrites): void {
  const set = listeners.get(owner)?.get(table);
  if (set) for (const listener of set) listener(writes);
}

/** Subscribes to the case writes made through `owner` (an AryzDb); answers the unsubscribe function. */
export function onCaseWrites(owner: object, listener: Listener): () => void {
  return subscribe(owner, 'cases', listener);
}

/** Subscribes to the person writes made through `owner`: the ids of the persons written. */
export function onPersonWrites(owner: object, listener: Listener): () => void {
  return subscribe(owner, 'persons', listener);
}

/** Subscribes to writes of the outgoing register through `owner`: the ids of the cases whose numbers changed. */
export function onOutgoingWrites(owner: object, listener: Listener): () => void {
  return subscribe(owner, 'outgoing', listener);
}
