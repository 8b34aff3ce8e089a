import Dexie, { type Collection } from 'dexie';
import { matchesAllPrefixes, queryWords } from '../../../../shared/search/case-keys';
import { CASE_FILTER_FIELDS, type AryzDb, type CaseFilterField, type CaseRow, type CaseSortField } from '../../db/db';

export interface CaseQuery {
  text: string;
  filters: Partial<Record<CaseFilterField, string>>;
  sort: CaseSortField;
  direction: 'asc' | 'desc';
}

export interface CaseListHandle {
  count: number;
  /** Rows in list order, `offset` from the start. */
  page(offset: number, limit: number): Promise<CaseRow[]>;
}

export const defaultQuery: CaseQuery = { text: '', filters: {}, sort: 'updatedAt', direction: 'desc' };

function activeFilters(query: CaseQuery): [CaseFilterField, string][] {
  return CASE_FILTER_FIELDS.flatMap((field) => {
    const value = query.filters[field];
    return value ? [[field, value] as [CaseFilterField, string]] : [];
  });
}

/** The collection walking one index in list order: the sort index, or a [filter+sort] compound index. */
function orderedCollection(db: AryzDb, query: CaseQuery, filter?: [CaseFilterField, string]): Collection<CaseRow, string> {
  const collection = filter
    ? db.cases.where(`[${filter[0]}+${query.sort}]`).between([filter[1], Dexie.minKey], [filter[1], Dexie.maxKey])
    : db.cases.orderBy(query.sort);
  return query.direction === 'desc' ? collection.reverse() : collection;
}

/** Ids whose every word prefix matches: one index range per word, key sets intersected (no row is read). */
async function idsMatchingText(db: AryzDb, words: string[]): Promise<Set<string> | null> {
  if (words.length === 0) return null;
  // The longest word is usually the most selective: start there and narrow.
  const ordered = [...new Set(words)].sort((a, b) => b.length - a.length);
  let result: Set<string> | null = null;
  for (const word of ordered) {
    const keys = (await db.cases.where('words').startsWith(word).primaryKeys()) as string[];
    const next = new Set<string>();
    for (const key of keys) if (!result || result.has(key)) next.add(key);
    result = next;
    if (result.size === 0) break;
  }
  return result;
}

/**
 * Opens the list for a query. Without search text and with at most one filter the list pages straight
 * off one index; otherwise the matching ids are computed from index key sets and put in order by walking
 * the sort index's keys, so every filter/sort combination is served by indexes, never by a row scan.
 */
export async function openCaseList(db: AryzDb, query: CaseQuery): Promise<CaseListHandle> {
  const filters = activeFilters(query);
  const textIds = await idsMatchingText(db, queryWords(query.text));
  if (!textIds && filters.length <= 1) {
    const collection = () => orderedCollection(db, query, filters[0]);
    const count = await collection().count();
    return { count, page: (offset, limit) => collection().offset(offset).limit(limit).toArray() };
  }
  let allowed = textIds;
  for (const [field, value] of filters) {
    if (allowed && allowed.size === 0) break;
    const keys = (await db.cases.where(field).equals(value).primaryKeys()) as string[];
    const next = new Set<string>();
    for (const key of keys) if (!allowed || allowed.has(key)) next.add(key);
    allowed = next;
  }
  const hits = allowed ?? new Set<string>();
  let ordered: string[];
  if (hits.size <= 2000) {
    // Few hits: read them and sort in memory (cheaper than walking the whole sort index).
    const rows = (await db.cases.bulkGet([...hits])).filter((r): r is CaseRow => !!r);
    const dir = query.direction === 'desc' ? -1 : 1;
    // Same order as walking the index: by the sort key, ties by id, all reversed for descending.
    rows.sort((a, b) => dir * (a[query.sort] < b[query.sort] ? -1 : a[query.sort] > b[query.sort] ? 1 : a.id < b.id ? -1 : 1));
    const byId = new Map(rows.map((r) => [r.id, r]));
    ordered = rows.map((r) => r.id);
    return {
      count: ordered.length,
      page: async (offset, limit) => ordered.slice(offset, offset + limit).map((id) => byId.get(id)!),
    };
  }
  const sortKeys = (await orderedCollection(db, query, filters[0]).primaryKeys()) as string[];
  ordered = sortKeys.filter((id) => hits.has(id));
  return {
    count: ordered.length,
    page: async (offset, limit) => (await db.cases.bulkGet(ordered.slice(offset, offset + limit))).filter((r): r is CaseRow => !!r),
  };
}

/** The same search as a linear scan over rows in memory: the benchmark's baseline and the tests' oracle. */
export function scanCases(rows: readonly Pick<CaseRow, 'id' | 'words'>[], text: string): string[] {
  const words = queryWords(text);
  return rows.filter((row) => matchesAllPrefixes(row.words, words)).map((row) => row.id);
}

/** Live per-status counts for the filter bar, each one index count. */
export async function statusCounts(db: AryzDb, statuses: readonly string[]): Promise<Record<string, number>> {
  const counts = await Promise.all(statuses.map((status) => db.cases.where('status').equals(status).count()));
  return Object.fromEntries(statuses.map((status, i) => [status, counts[i]!]));
}
