import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { db } from '../schema';
import { caseIndexOf, type CaseIndexStatus, type CaseListRow } from './case-index.cache';
import { firstRows, needsSearchIndex, openCaseList, type CaseListHandle, type CaseQuery } from './list-query.repo';
import { LIST_PAGE as PAGE, takePreloadedFirstPage } from './list-preload';

/**
 * The list behind the virtualised table: reopens when the query or any case changes, and loads rows a
 * page at a time as they scroll into view, so 100,000 cases cost only the visible pages. When the screen
 * first opens, its first page (preloaded while the app started, or read ahead of the count) is shown before
 * the list's count is known: `count` stays undefined until then and `shown` is how many rows there are to draw.
 * A search or the sort by name needs the in-memory index: while it is still being built after sign-in,
 * `building` says how far it is and the list shows no rows (rather than a wrong «nothing found»).
 */
export function useCaseList(query: CaseQuery) {
  const index = caseIndexOf();
  const indexStatus = useSyncExternalStore(index.subscribe, index.status);
  const waiting = needsSearchIndex(query) && !indexStatus.ready;
  // Any write to cases changes the newest updatedAt or the count; both are single index reads.
  const version = useLiveQuery(async () => {
    const [count, last] = await Promise.all([db().cases.count(), db().cases.orderBy('updatedAt').last()]);
    return `${count}:${last?.updatedAt ?? ''}:${last?.id ?? ''}`;
  }, []);
  const [handle, setHandle] = useState<CaseListHandle | null>(null);
  const [early, setEarly] = useState<CaseListRow[] | undefined>(() => takePreloadedFirstPage(query));
  const [pages, setPages] = useState<Map<number, CaseListRow[]>>(() => (early ? new Map([[0, early]]) : new Map()));
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const indexVersion = useRef<string | undefined>(undefined);
  const opened = useRef<{ query: CaseQuery; version: string | undefined } | null>(null);

  useEffect(() => {
    // The first open does not wait for the change signal's first reading; when that reading arrives for
    // the same query, the list just opened is already current, so it is noted rather than reopened.
    const previous = opened.current;
    if (waiting) {
      // Nothing to open until the index is built; its progress is shown instead of the rows held (the effect
      // runs again then). A list still opening for an earlier query is not taken when it comes.
      ++generation.current;
      // A copy: the list opened once the index is ready is a new open, not the first one (no preloaded page).
      opened.current = { query: { ...query }, version };
      loading.current.clear();
      return;
    }
    opened.current = { query, version };
    if (version !== undefined && previous?.query === query && previous.version === undefined) {
      // The search index was built when the session began and may not have seen writes made since through
      // another connection: once built, it catches up now (in the background when this list does not use it).
      if (!index.ready) return;
      if (!needsSearchIndex(query)) {
        void index.catchUp().then(() => void (indexVersion.current = version), () => undefined);
        return;
      }
    }
    const gen = ++generation.current;
    // Until the first list is open its first page is read on its own, ahead of every count.
    let firstPage: CaseListRow[] | undefined = previous === null ? early : undefined;
    let listOpen = false;
    if (previous === null && !early) {
      void firstRows(query, PAGE)?.then((rows) => {
        if (gen !== generation.current || listOpen) return;
        firstPage = rows;
        setEarly(rows);
        setPages(new Map([[0, rows]]));
      }, () => undefined);
    }
    // The table changed (version): the search index re-reads what changed before the list is reopened.
    const caughtUp =
      version === undefined || version === indexVersion.current ? Promise.resolve() : index.catchUp().then(() => void (indexVersion.current = version));
    caughtUp.then(() => openCaseList(query)).then(
      (next) => {
        if (gen !== generation.current) return;
        listOpen = true;
        loading.current.clear();
        // The first page read on its own is the list's first page: kept, so the rows on screen stay put.
        setPages(firstPage ? new Map([[0, firstPage]]) : new Map());
        setEarly(undefined);
        setHandle(next);
        setError(null);
      },
      (e: unknown) => gen === generation.current && setError(e),
    );
    // `early` only seeds the first open; later changes to it must not reopen the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, version, waiting]);

  const rowAt = (index: number): CaseListRow | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE];

  const ensure = (first: number, last: number) => {
    if (!handle) return;
    const gen = generation.current;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
      if (pages.has(p) || loading.current.has(p)) continue;
      loading.current.add(p);
      void handle.page(p * PAGE, PAGE).then((rows) => {
        if (gen !== generation.current) return;
        setPages((current) => new Map(current).set(p, rows));
      });
    }
  };

  const building: CaseIndexStatus | null = waiting ? indexStatus : null;
  return { count: waiting ? undefined : handle?.count, shown: waiting ? 0 : (handle?.count ?? early?.length), rowAt, ensure, error, building };
}
