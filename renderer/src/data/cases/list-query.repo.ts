import Dexie, { type Collection, type IndexableType } from 'dexie';
import { matchesAllPrefixes, queryWords } from '../../../../shared/search/case-keys';
import { CASE_FILTER_FIELDS, type AryzDb, type CaseFilterField, type CaseIndexedSortField, type CaseRow, db } from '../schema';
import { caseIndexOf, compareForList, type CaseListHandle, type CaseListRow, type CaseQuery } from './case-index.cache';

export type { CaseListHandle, CaseQuery };

export const defaultQuery: CaseQuery = { text: '', filters: {}, sort: 'updatedAt', direction: 'desc' };

function activeFilters(query: CaseQuery): [CaseFilterField, string][] {
  return CASE_FILTER_FIELDS.flatMap((field) => {
    const value = query.filters[field];
    return value ? [[field, value] as [CaseFilterField, string]] : [];
  });
}

/**
 * Whether the query needs the in-memory index: a search (its words are personal, so IndexedDB holds none of
 * them) or the sort by name (the name is not stored either). Everything else reads IndexedDB's own indexes.
 */
export function needsSearchIndex(query: Pick<CaseQuery, 'text' | 'sort'>): boolean {
  return query.sort === 'sortName' || queryWords(query.text).length > 0;
}

type IndexedQuery = Omit<CaseQuery, 'sort'> & { sort: CaseIndexedSortField };

/** The collection walking one index in list order: the sort index, or a [filter+sort] compound index. */
function orderedCollection(query: IndexedQuery, filter?: [CaseFilterField, string]): Collection<CaseRow, string> {
  const collection = filter
    ? db().cases.where(`[${filter[0]}+${query.sort}]`).between([filter[1], Dexie.minKey], [filter[1], Dexie.maxKey])
    : db().cases.orderBy(query.sort);
  return query.direction === 'desc' ? collection.reverse() : collection;
}

/** Knobs of the planner; the defaults come from measurements in Chromium with 100,000 cases. */
export interface ListTuning {
  /** At or below this many hits the rows are read and sorted in memory rather than the sort index walked. */
  readRowsAtMost: number;
  /** At or below this many candidates the remaining words are tested on their rows, not on another key set. */
  narrowOnRowsAtMost: number;
  /** Index keys read by the first walk of the sort index when the number of cases is not known yet. */
  firstWalk: number;
}

/**
 * In Chromium with 100,000 cases a row read costs ~50 µs, an index key ~10 µs: reading H rows beats
 * walking the ~65·N/H sort-index keys a first page needs up to about a thousand hits.
 */
const DEFAULT_TUNING: ListTuning = { readRowsAtMost: 1000, narrowOnRowsAtMost: 150, firstWalk: 2000 };

/** Cases in the table as last counted, per database: only an estimate, to size sort-index walks. */
const knownTotals = new WeakMap<AryzDb, number>();

function intersect(current: Set<string> | null, keys: readonly string[]): Set<string> {
  const next = new Set<string>();
  for (const key of keys) if (!current || current.has(key)) next.add(key);
  return next;
}

async function readRows(ids: Iterable<string>): Promise<CaseRow[]> {
  return (await db().cases.bulkGet([...ids])).filter((r): r is CaseRow => !!r);
}

interface Matches {
  ids: Set<string>;
  /** The matching rows, when there are few enough to read. */
  rows: CaseRow[] | null;
}

/**
 * The cases matching every filter (no search text: that needs the in-memory index). Each filter is one
 * index range (its key set, no row read); once the candidates are few, their rows are read and the remaining
 * filters are tested on them in memory, which is cheaper than reading another large key set.
 */
async function matchingCases(filters: [CaseFilterField, string][], tuning: ListTuning): Promise<Matches> {
  let ids: Set<string> | null = null;
  let rows: CaseRow[] | null = null;
  const few = (set: Set<string> | null, most = tuning.readRowsAtMost): set is Set<string> => set !== null && set.size <= most;
  for (const [field, value] of filters) {
    if (!rows && few(ids, tuning.narrowOnRowsAtMost)) rows = await readRows(ids);
    if (rows) rows = rows.filter((row) => row[field] === value);
    else ids = intersect(ids, (await db().cases.where(field).equals(value).primaryKeys()) as string[]);
  }
  if (rows) return { ids: new Set(rows.map((r) => r.id)), rows };
  const hits = ids ?? new Set<string>();
  return { ids: hits, rows: few(hits) ? await readRows(hits) : null };
}

/**
 * The hits in list order, found by walking the sort index from its start only as far as the pages asked
 * for so far need: one read of index keys each time (re-reading the start is cheaper and simpler than
 * resuming inside a run of equal sort values). A walk that comes up short grows to the length the density
 * of hits seen so far predicts.
 */
function sortIndexWalk(query: IndexedQuery, filter: [CaseFilterField, string] | undefined, hits: Set<string>, tuning: ListTuning) {
  let ordered: string[] = [];
  let complete = false;
  let queue: Promise<unknown> = Promise.resolve();
  const total = filter ? undefined : knownTotals.get(db());
  const firstLength = (needed: number) =>
    total ? Math.max(200, Math.ceil((needed * total * 1.3) / hits.size)) : Math.max(tuning.firstWalk, needed * 4);
  let walked = 0;
  const extend = async (needed: number) => {
    while (!complete && ordered.length < needed) {
      const predicted = walked === 0 ? firstLength(needed) : ordered.length > 0 ? Math.ceil(((walked * needed) / ordered.length) * 1.25) : walked * 4;
      const length = Math.max(predicted, walked * 2);
      const keys = (await orderedCollection(query, filter).limit(length).primaryKeys()) as string[];
      ordered = keys.filter((id) => hits.has(id));
      walked = length;
      complete = keys.length < length || ordered.length === hits.size;
      if (!filter && keys.length < length) knownTotals.set(db(), keys.length);
    }
  };
  return async (offset: number, limit: number): Promise<string[]> => {
    // Pages may be asked for together; walks run one at a time.
    const run = queue.then(() => extend(offset + limit));
    queue = run.catch(() => undefined);
    await run;
    return ordered.slice(offset, offset + limit);
  };
}

const indexedSort = (query: CaseQuery): query is IndexedQuery => query.sort !== 'sortName';

/**
 * Opens the list for a query. A search or the sort by name is answered by the in-memory index
 * (case-index.cache.ts), waiting for it to be built when it is not yet (the case list shows the build's
 * progress instead of waiting: see useCaseList). Without search text and with at most one filter the list
 * pages straight off one index; with more filters the matching ids come from index key sets (see
 * matchingCases) and are put in order in memory when few, or by walking the sort index only as far as the
 * pages need, unless the in-memory index is ready, which answers them at once.
 */
export async function openCaseList(query: CaseQuery, tuning: ListTuning = DEFAULT_TUNING): Promise<CaseListHandle> {
  const filters = activeFilters(query);
  const words = queryWords(query.text);
  const index = caseIndexOf();
  if (!indexedSort(query) || words.length > 0) {
    await index.load();
    await index.sync();
    // A write that needed a full re-read (a restore, a range delete) starts the build again.
    if (!index.ready) await index.load();
    return index.open(words, filters, query);
  }
  if (filters.length <= 1) {
    const collection = () => orderedCollection(query, filters[0]);
    // Every case is in every sort index, so without a filter the table's own count is the same number,
    // and in Chromium counting the table is about four times faster than counting an index.
    const count = filters.length === 0 ? await db().cases.count() : await collection().count();
    if (filters.length === 0) knownTotals.set(db(), count);
    return { count, page: (offset, limit) => collection().offset(offset).limit(limit).toArray() };
  }
  // Combined filters are answered by the in-memory index once it is built.
  if (index.ready) {
    await index.sync();
    if (index.ready) return index.open(words, filters, query);
  }
  const { ids, rows } = await matchingCases(filters, tuning);
  if (rows) {
    // Same order as walking the index (see compareForList).
    const ordered = rows.sort(compareForList(query));
    return { count: ordered.length, page: async (offset, limit) => ordered.slice(offset, offset + limit) };
  }
  const walk = sortIndexWalk(query, filters[0], ids, tuning);
  return { count: ids.size, page: async (offset, limit) => readRows(await walk(offset, limit)) };
}

/**
 * The first `limit` rows of a list that pages straight off one index (no search text, at most one filter),
 * or null for any other query. It is one short index read, where opening the list also counts every case it
 * holds (a quarter of a second at 100,000): the screen shows these rows while that count still runs.
 */
export function firstRows(query: CaseQuery, limit: number): Promise<CaseListRow[]> | null {
  const filters = activeFilters(query);
  if (!indexedSort(query) || queryWords(query.text).length > 0 || filters.length > 1) return null;
  return orderedCollection(query, filters[0]).limit(limit).toArray();
}

/** The same search as a linear scan over rows in memory: the benchmark's baseline and the tests' oracle. */
export function scanCases(rows: readonly { id: string; words: readonly string[] }[], text: string): string[] {
  const words = queryWords(text);
  return rows.filter((row) => matchesAllPrefixes(row.words, words)).map((row) => row.id);
}

/** A count running longer than this is split into slices for the statuses after it (see statusCounts). */
const COUNT_SLICE_MS = 10;
const MAX_COUNT_SLICES = 24;

/** Boundaries splitting the [status+updatedAt] index into `slices` time ranges of the cases' update span. */
async function updateSpanBounds(slices: number): Promise<IndexableType[]> {
  const [oldest, newest] = await Promise.all([db().cases.orderBy('updatedAt').first(), db().cases.orderBy('updatedAt').last()]);
  const bounds: IndexableType[] = [Dexie.minKey];
  const from = oldest ? Date.parse(oldest.updatedAt) : NaN;
  const to = newest ? Date.parse(newest.updatedAt) : NaN;
  if (Number.isFinite(from) && Number.isFinite(to)) {
    for (let i = 1; i < slices; i++) bounds.push(new Date(from + ((to - from) * i) / slices).toISOString());
  }
  bounds.push(Dexie.maxKey);
  return bounds;
}

/**
 * Live per-status counts for the filter bar. An index count takes time in proportion to its cases (in
 * Chromium ~7 µs each) and holds the database while it runs: at 100,000 cases nine whole counts issued at
 * once held up the list's own first reads by more than half a second. So the statuses are counted one
 * after another, and once a count proves slow the next ones are read in slices of their [status+updatedAt]
 * index sized to about COUNT_SLICE_MS each, letting other reads take their turn in between.
 */
export async function statusCounts(statuses: readonly string[], sliceMs = COUNT_SLICE_MS): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let bounds: IndexableType[] = [Dexie.minKey, Dexie.maxKey];
  for (const status of statuses) {
    const started = performance.now();
    let count = 0;
    for (let i = 0; i + 1 < bounds.length; i++) {
      count += await db().cases
        .where('[status+updatedAt]')
        .between([status, bounds[i]], [status, bounds[i + 1]], true, i + 2 === bounds.length)
        .count();
    }
    counts[status] = count;
    const slices = Math.min(MAX_COUNT_SLICES, Math.ceil((performance.now() - started) / sliceMs));
    if (slices > bounds.length - 1) bounds = await updateSpanBounds(slices);
  }
  return counts;
}
