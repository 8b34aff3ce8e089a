import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** Ids of cases written, or 'all' when a range was deleted and the ids are not known. */
export type CaseWrites = readonly string[] | 'all';
type Listener = (writes: CaseWrites) => void;

/**
 * The table whose writes are reported: the cases' search entries (data/case-search.ts), keyed by case id. Every
 * write of a case, its person or its outgoing numbers rewrites the entries it touches in the same transaction,
 * so this one table tells which cases changed for search.
 */
const WATCHED = 'caseSearch';

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
 * Tells listeners which cases' search entries a write touched, whatever code path wrote them (repository, import,
 * bulk edits), so in-memory views of the cases (the search index) can re-read exactly those entries. A write
 * inside a transaction that later aborts is reported too: listeners re-read the rows, so they see the truth.
 */
export function caseWritesMiddleware(owner: object): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'case-writes',
    // Under the case-search layer (-1), which writes the entries this one reports, and above the at-rest one (-2).
    level: -1.5,
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        if (name !== WATCHED) return table;
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request);
            const set = listeners.get(owner);
            if (set && set.size > 0) {
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

/** Subscribes to writes of the cases' search entries through `owner` (an AryzDb): the case ids. Answers the unsubscribe. */
export function onSearchEntryWrites(owner: object, listener: Listener): () => void {
  let set = listeners.get(owner);
  if (!set) listeners.set(owner, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
