import { db } from '../schema';
import { handoff } from '../../lib/handoff';
import type { CaseListRow } from './case-index.cache';
import { firstRows, type CaseQuery } from './list-query.repo';
import { savedCaseQuery } from './saved-query';

/** Rows a page of the case list holds; the screen reads and shows the list a page at a time. */
export const LIST_PAGE = 100;

const preloaded = handoff<CaseListRow[]>();

const keyOf = (query: CaseQuery) => JSON.stringify([query.text, query.filters, query.sort, query.direction]);

/**
 * Reads the first page of the list the app is opening on, while the app starts: the read is then first in
 * IndexedDB's queue, ahead of the counts the screen starts once mounted, and the list's first render has rows.
 */
export async function preloadCaseList(): Promise<void> {
  const query = savedCaseQuery();
  const rows = await firstRows(query, LIST_PAGE);
  if (rows) preloaded.put(db(), keyOf(query), rows);
}

/** The preloaded first page when it is for this database and query; handed out once. */
export function takePreloadedFirstPage(query: CaseQuery): CaseListRow[] | undefined {
  return preloaded.take(db(), keyOf(query));
}
