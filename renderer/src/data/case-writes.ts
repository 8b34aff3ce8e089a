import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** Ids of cases written, or 'all' when a range was deleted and the ids are not known. */
export type CaseWrites = readonly string[] | 'all';
type Listener = (writes: CaseWrites) => void;

const listeners = new WeakMap<object, Set<Listener>>();

function idsOf(request: DBCoreMutateRequest): CaseWrites {
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

/**
 * Tells listeners which cases a write touched, whatever code path wrote them (repository, import, bulk
 * edits), so in-memory views of the cases table can re-read exactly those rows. A write inside a
 * transaction that later aborts is reported too: listeners re-read the rows, so they see the truth.
 */
export function caseWritesMiddleware(owner: object): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'case-writes',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        if (name !== 'cases') return table;
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request);
            const set = listeners.get(owner);
            if (set) {
              const writes = idsOf(request);
              for (const listener of set) listener(writes);
            }
            return result;
          },
        };
      },
    }),
  };
}

/**
 * Reports case writes made below this middleware: the mission sync writes incoming rows under the field encryption
 * and must still tell the in-memory case index which rows to re-read.
 */
export function notifyCaseWrites(owner: object, writes: CaseWrites): void {
  const set = listeners.get(owner);
  if (set) for (const listener of set) listener(writes);
}

/** Subscribes to the case writes made through `owner` (an AryzDb); answers the unsubscribe function. */
export function onCaseWrites(owner: object, listener: Listener): () => void {
  let set = listeners.get(owner);
  if (!set) listeners.set(owner, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
