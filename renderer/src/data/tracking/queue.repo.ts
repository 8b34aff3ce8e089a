import { addDays } from '../../../../shared/case/dates';
import { NO_DEADLINE, type AryzDb, type CaseRow } from '../schema';
import type { Collection } from 'dexie';

export interface QueueBucket {
  count: number;
  rows: CaseRow[];
}

export const QUEUE_BUCKETS = ['overdue', 'dueToday', 'next7', 'awaiting', 'recheck', 'stale'] as const;
export type QueueBucketId = (typeof QUEUE_BUCKETS)[number];

export interface WorkQueue {
  today: string;
  buckets: Record<QueueBucketId, QueueBucket>;
}

export interface QueueOptions {
  /** A case at intake untouched for this many days is stale. */
  staleDays?: number;
  /** Rows read per bucket. */
  limit?: number;
}

/**
 * What is due, each bucket one index range: overdue and due dates on the earliest open deadline, re-checks
 * by the next planned check, and new cases untouched for `staleDays` by [status+updatedAt]. A case awaits an
 * answer exactly while it has a re-check planned: the engine plans one for every tracked request still
 * unanswered, until a check shows the person excluded — so recording the answer takes the case out at once,
 * whatever its status says. Closed cases carry no deadline ('9999-12-31') and so never appear.
 */
export function queueRanges(db: AryzDb, today: string, staleDays = 14): Record<QueueBucketId, () => Collection<CaseRow, string>> {
  const staleBefore = `${addDays(today, -staleDays)}T00:00:00.000Z`;
  return {
    overdue: () => db.cases.where('nextDeadline').below(today),
    dueToday: () => db.cases.where('nextDeadline').equals(today),
    next7: () => db.cases.where('nextDeadline').between(addDays(today, 1), addDays(today, 7), true, true),
    awaiting: () => db.cases.where('nextCheck').below(NO_DEADLINE),
    recheck: () => db.cases.where('nextCheck').belowOrEqual(today),
    stale: () => db.cases.where('[status+updatedAt]').between(['intake', ''], ['intake', staleBefore]),
  };
}

async function perBucket<T>(read: (bucket: QueueBucketId) => Promise<T>): Promise<Record<QueueBucketId, T>> {
  const values = await Promise.all(QUEUE_BUCKETS.map(read));
  return Object.fromEntries(QUEUE_BUCKETS.map((bucket, i) => [bucket, values[i]!])) as Record<QueueBucketId, T>;
}

/** The first `limit` rows of each bucket, earliest first: a few index reads, fast whatever the database size. */
export function workQueueRows(db: AryzDb, today: string, options: QueueOptions = {}): Promise<Record<QueueBucketId, CaseRow[]>> {
  const ranges = queueRanges(db, today, options.staleDays);
  return perBucket((bucket) => ranges[bucket]().limit(options.limit ?? 100).toArray());
}

/**
 * How many cases each bucket holds. IndexedDB counts an index range entry by entry (Chromium looks up each
 * entry's record to check it is current), so on a large database this takes far longer than the rows:
 * about 0.6 s for 70,000 overdue cases among 100,000. Screens read the rows first and the counts after.
 */
export function workQueueCounts(db: AryzDb, today: string, options: Pick<QueueOptions, 'staleDays'> = {}): Promise<Record<QueueBucketId, number>> {
  const ranges = queueRanges(db, today, options.staleDays);
  return perBucket((bucket) => ranges[bucket]().count());
}

/** Rows and counts together (one read of both, for callers that need them at once). */
export async function workQueue(db: AryzDb, today: string, options: QueueOptions = {}): Promise<WorkQueue> {
  const [rows, counts] = await Promise.all([workQueueRows(db, today, options), workQueueCounts(db, today, options)]);
  return { today, buckets: Object.fromEntries(QUEUE_BUCKETS.map((b) => [b, { count: counts[b], rows: rows[b] }])) as Record<QueueBucketId, QueueBucket> };
}

export { NO_DEADLINE };
