import { defaultQuery, type CaseQuery } from './list-query.repo';

const QUERY_KEY = 'aryz.caseList.query';

/**
 * The case list's search, filters and sort for this session: the list reopens on them, and the batch and the
 * transfer start from what the caseworker was looking at.
 */
export function savedCaseQuery(): CaseQuery {
  try {
    const saved = JSON.parse(sessionStorage.getItem(QUERY_KEY) ?? 'null') as CaseQuery | null;
    return saved && typeof saved.text === 'string' ? { ...defaultQuery, ...saved } : defaultQuery;
  } catch {
    return defaultQuery;
  }
}

export function saveCaseQuery(query: CaseQuery): void {
  sessionStorage.setItem(QUERY_KEY, JSON.stringify(query));
}
