import { addDays } from '../../../../shared/case/dates';
import { NO_DEADLINE, type AryzDb, type CaseRow } from '../../db/db';
import type { Collection } from 'dexie';

export interface QueueBucket {
  count: number;
  rows: CaseRow[];
}

export interface WorkQueue {
  today: string;
  buckets: { overdue: QueueBucket; dueToday: QueueBucket; next7: QueueBucket; awaiting: QueueBucket; recheck: QueueBucket; stale: QueueBucket };
}

export type QueueBucketId = keyof WorkQueue['buckets'];

async function bucket(collection: () => Collection<CaseRow, string>, limit: number): Promise<QueueBucket> {
  const [count, rows] = await Promise.all([collection().count(), collection().limit(limit).toArray()]);
  return { count, rows };
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

export async function workQueue(db: AryzDb, today: string, options: { staleDays?: number; limit?: number } = {}): Promise<WorkQueue> {
  const limit = options.limit ?? 100;
  const ranges = queueRanges(db, today, options.staleDays);
  const [overdue, dueToday, next7, awaiting, recheck, stale] = await Promise.all(
    (['overdue', 'dueToday', 'next7', 'awaiting', 'recheck', 'stale'] as const).map((id) => bucket(ranges[id], limit)),
  );
  return { today, buckets: { overdue: overdue!, dueToday: dueToday!, next7: next7!, awaiting: awaiting!, recheck: recheck!, stale: stale! } };
}

export { NO_DEADLINE };
