import { getQueryMatcher, getSortComparator, type PreparedQuery, type RxDocumentData, type RxJsonSchema, type RxStorageQueryResult } from 'rxdb';

/**
 * Answers an RxDB query over documents already in memory: the filter, the sort, then skip and limit. The sync's
 * storage adapters (table-instance.ts, meta-instance.ts) have no query engine of their own; the replication asks
 * them rarely and for few rows.
 */
export function answerQuery<Row>(schema: RxJsonSchema<RxDocumentData<Row>>, prepared: PreparedQuery<Row>, all: readonly RxDocumentData<Row>[]): RxStorageQueryResult<Row> {
  const matches = getQueryMatcher(schema, prepared.query);
  const sorted = all.filter((doc) => matches(doc)).sort(getSortComparator(schema, prepared.query));
  const start = prepared.query.skip ?? 0;
  return { documents: sorted.slice(start, prepared.query.limit ? start + prepared.query.limit : undefined) };
}
