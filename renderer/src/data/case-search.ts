import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { caseSearchEntry, entryOf, storedEntry, withListRow, type CaseSearchRow } from './cases/case-search-entry';
import type { CaseRow, PersonRow } from './stored-rows';

/** What an entry needs of a register row (schema.ts's OutgoingRow; not imported from there, which installs this). */
type OutgoingRow = { year: number; seq: number; caseId: string; number: string };

export type { CaseSearchRow };

export const CASE_SEARCH_TABLE = 'caseSearch';
/** What an entry is derived from: the case, its person, and the outgoing numbers of its letters. */
const INPUTS: readonly string[] = ['cases', 'persons', 'outgoing'];
const SCOPE: readonly string[] = [CASE_SEARCH_TABLE, ...INPUTS];

const equal = (value: unknown): DBCoreKeyRange => ({ type: 1 as DBCoreRangeType.Equal, lower: value, upper: value });

const settled = (request: IDBRequest): Promise<void> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

/** The values a write actually stored: a bulk add that failed on some rows wrote the others. */
function written<T>(request: DBCoreMutateRequest, response: DBCoreMutateResponse): T[] {
  if (request.type !== 'add' && request.type !== 'put') return [];
  const failed = response.failures;
  return (request.values as T[]).filter((_, i) => !failed?.[i]);
}

/**
 * Keeps the `caseSearch` table (one sealed entry per case: cases/case-search-entry.ts) in step with the rows it
 * is derived from, inside the very transaction that writes them, whatever code path writes (repositories,
 * import, bulk edits, transfer, the in-place encryption): a readwrite transaction over cases, persons or the
 * outgoing register is widened to the other three, and after each write the entries of the cases it touched are
 * written again. So an entry can never be older than its case, and a crash loses both or neither.
 *
 * A write of a case alone reuses its entry's words (its person and numbers did not change; their own writes
 * refresh it), so the daily deadline refresh over every case reads no persons. Writes the entries cannot follow
 * row by row (a range deleted from persons or the register, or any write inside a schema upgrade, which runs
 * before the session's key exists for new code) empty the table instead; the search index refills what is
 * missing before it next builds (cases/case-search.repo.ts).
 *
 * Above the case-writes middleware (level -1.5), which so sees (and reports) the entries written here, and above
 * the at-rest one (-2), which seals them.
 */
export function caseSearchMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'case-search',
    // Under Dexie's own layers (hooks, live queries): they read the transaction from Dexie's zone, which an await
    // of the sync stamps below (native promises) leaves; the entries' reads and writes here need no zone. Above
    // the at-rest layer (-2), which seals what is written here.
    level: -1,
    create: (down) => {
      const present = new Set(down.schema.tables.map((table) => table.name));
      const scope = SCOPE.filter((name) => present.has(name));
      if (!present.has(CASE_SEARCH_TABLE)) return down;
      const entries = () => down.table(CASE_SEARCH_TABLE);
      const persons = () => down.table('persons');
      const cases = () => down.table('cases');
      const outgoing = () => down.table('outgoing');

      const numbersOf = async (trans: DBCoreTransaction, caseId: string): Promise<string[]> => {
        const table = outgoing();
        const index = table.schema.getIndexByKeyPath('caseId');
        if (!index) return [];
        const answer = await table.query({ trans, values: true, query: { index, range: equal(caseId) } });
        return (answer.result as OutgoingRow[]).map((row) => row.number);
      };
      const casesOfPerson = async (trans: DBCoreTransaction, personId: string): Promise<CaseRow[]> => {
        const table = cases();
        const index = table.schema.getIndexByKeyPath('personId')!;
        return (await table.query({ trans, values: true, query: { index, range: equal(personId) } })).result as CaseRow[];
      };

      /** Derives the entries of `rows` afresh; `known` holds persons already in hand (just written or deleted). */
      const derive = async (trans: DBCoreTransaction, rows: readonly CaseRow[], known = new Map<string, PersonRow | undefined>()): Promise<CaseSearchRow[]> => {
        const wanted = [...new Set(rows.map((row) => row.personId))].filter((id) => !known.has(id));
        const fetched = wanted.length > 0 ? ((await persons().getMany({ trans, keys: wanted })) as (PersonRow | undefined)[]) : [];
        const people = new Map(known);
        wanted.forEach((id, i) => people.set(id, fetched[i]));
        const numbers = await Promise.all(rows.map((row) => numbersOf(trans, row.id)));
        return rows.map((row, i) => storedEntry(caseSearchEntry(row, people.get(row.personId), numbers[i])));
      };
      const store = async (trans: DBCoreTransaction, rows: CaseSearchRow[]): Promise<void> => {
        if (rows.length > 0) await entries().mutate({ type: 'put', trans, values: rows });
      };
      const drop = async (trans: DBCoreTransaction, ids: string[]): Promise<void> => {
        if (ids.length > 0) await entries().mutate({ type: 'delete', trans, keys: ids });
      };
      const dropAll = async (trans: DBCoreTransaction): Promise<void> => {
        await settled((trans as unknown as IDBTransaction).objectStore(CASE_SEARCH_TABLE).clear());
      };

      const afterCaseWrite = async (request: DBCoreMutateRequest, response: DBCoreMutateResponse): Promise<void> => {
        const { trans } = request;
        if (request.type === 'delete') return drop(trans, request.keys.filter((id): id is string => typeof id === 'string'));
        if (request.type === 'deleteRange') {
          await entries().mutate({ type: 'deleteRange', trans, range: request.range });
          return;
        }
        const rows = written<CaseRow>(request, response);
        if (rows.length === 0) return;
        const before = (await entries().getMany({ trans, keys: rows.map((row) => row.id) })) as (CaseSearchRow | undefined)[];
        const kept: CaseSearchRow[] = [];
        const fresh: CaseRow[] = [];
        rows.forEach((row, i) => {
          const previous = before[i];
          const entry = withListRow(previous ? entryOf(previous) : undefined, row);
          if (entry) kept.push(storedEntry(entry));
          else fresh.push(row);
        });
        await store(trans, [...kept, ...(await derive(trans, fresh))]);
      };

      const afterPersonWrite = async (request: DBCoreMutateRequest, response: DBCoreMutateResponse): Promise<void> => {
        const { trans } = request;
        if (request.type === 'deleteRange') return dropAll(trans);
        const known = new Map<string, PersonRow | undefined>();
        if (request.type === 'delete') for (const id of request.keys) known.set(id as string, undefined);
        else for (const person of written<PersonRow>(request, response)) known.set(person.id, person);
        if (known.size === 0) return;
        const rows = (await Promise.all([...known.keys()].map((id) => casesOfPerson(trans, id)))).flat();
        await store(trans, await derive(trans, rows, known));
      };

      /** The cases whose numbers a write of the register changes: those of the rows before it and after it. */
      const registerCases = async (request: DBCoreMutateRequest): Promise<Set<string> | 'all'> => {
        if (request.type === 'deleteRange') return 'all';
        const keys = request.type === 'delete' ? request.keys : (request.keys ?? (request.values as OutgoingRow[]).map((row) => [row.year, row.seq]));
        const previous = (await outgoing().getMany({ trans: request.trans, keys })) as (OutgoingRow | undefined)[];
        const ids = new Set<string>();
        for (const row of previous) if (row?.caseId) ids.add(row.caseId);
        if (request.type !== 'delete') for (const row of request.values as OutgoingRow[]) if (row.caseId) ids.add(row.caseId);
        return ids;
      };
      const afterRegisterWrite = async (trans: DBCoreTransaction, ids: Set<string> | 'all'): Promise<void> => {
        if (ids === 'all') return dropAll(trans);
        if (ids.size === 0) return;
        const rows = ((await cases().getMany({ trans, keys: [...ids] })) as (CaseRow | undefined)[]).filter((row): row is CaseRow => row !== undefined);
        await store(trans, await derive(trans, rows));
      };

      return {
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(mode === 'readwrite' && stores.some((name) => INPUTS.includes(name)) ? [...new Set([...stores, ...scope])] : stores, mode, options),
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          if (!INPUTS.includes(name)) return table;
          return {
            ...table,
            mutate: async (request) => {
              const idb = request.trans as unknown as IDBTransaction;
              if (idb.mode === 'versionchange') {
                // An upgrade step: the table may not exist yet at this step, and entries are not derived here.
                const response = await table.mutate(request);
                if (idb.objectStoreNames.contains(CASE_SEARCH_TABLE)) await dropAll(request.trans);
                return response;
              }
              if (name === 'outgoing') {
                const ids = await registerCases(request);
                const response = await table.mutate(request);
                await afterRegisterWrite(request.trans, ids);
                return response;
              }
              const response = await table.mutate(request);
              if (name === 'cases') await afterCaseWrite(request, response);
              else await afterPersonWrite(request, response);
              return response;
            },
          };
        },
      };
    },
  };
}
