import { addDays } from '../../../../shared/case/dates';
import { actionRange, parseActionEntry, type QueueAction } from '../../../../shared/deadlines/actions';
import { APPEAL_ANSWER_DAYS_FALLBACK } from '../../../../shared/reference/lookup';
import { NO_DEADLINE, type CaseRow, type GeneratedDocRow, db } from '../schema';
import type { Collection } from 'dexie';

/** A generated document waiting to go out, as its queue row shows it. */
export type QueueDocument = Pick<GeneratedDocRow, 'id' | 'title' | 'outgoingNumber' | 'status' | 'registeredAt'>;

/** One row of the queue: the case, the date the action is about, and for «send» the document. */
export interface QueueItem {
  row: CaseRow;
  /** The action's date (due, planned check, registration of the document, last change); null when none. */
  date: string | null;
  document?: QueueDocument;
}

export interface QueueBucket {
  count: number;
  rows: QueueItem[];
}

/**
 * The queue's sections, in the order a caseworker works them: what the mission must do (send what was
 * generated, follow up a letter past its term, re-check the register, warn the citizen while the court term
 * is open), then what an authority owes (answers overdue), then the cases waiting for an answer and new
 * cases nobody has touched. The citizen's own past terms are not here: they are findings on the case page.
 */
export const QUEUE_BUCKETS = ['send', 'followUp', 'recheck', 'answerCitizen', 'courtWarning', 'answerOverdue', 'awaiting', 'stale'] as const;
export type QueueBucketId = (typeof QUEUE_BUCKETS)[number];

const ACTION_OF_BUCKET = { followUp: 'follow_up', answerCitizen: 'answer_citizen', courtWarning: 'court_warning', answerOverdue: 'answer_overdue' } as const satisfies Partial<Record<QueueBucketId, QueueAction>>;

/** Documents generated (to sign and send) or signed (to send): not yet sent, not void. */
export const TO_SEND = ['generated', 'signed'] as const;

export interface WorkQueue {
  today: string;
  buckets: Record<QueueBucketId, QueueBucket>;
}

export interface QueueOptions {
  /** A case at intake untouched for this many days is stale. */
  staleDays?: number;
  /** Rows read per bucket. */
  limit?: number;
  /** The term for answering a citizen's request, in days (reference data `appeal_answer`); 30 when not given. */
  answerDays?: number;
}

interface BucketSource {
  rows(limit: number): Promise<QueueItem[]>;
  count(): Promise<number>;
}

/** The first `limit` rows of a case range, each with the index key it was found under (an action's date). */
async function withKeys(range: Collection<CaseRow, string>, limit: number, dateOf: (key: unknown, row: CaseRow) => string | null): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  await range.limit(limit).each((row, cursor) => {
    items.push({ row, date: dateOf(cursor.key, row) });
  });
  return items;
}

const actionDate = (key: unknown) => (typeof key === 'string' ? (parseActionEntry(key)?.due ?? null) : null);
const dateOrNull = (date: string) => (date === NO_DEADLINE ? null : date);

/**
 * Each bucket as index ranges — over the cases' `*actions` entries, `nextCheck`, `[status+…]`, and the
 * documents' `[status+registeredAt]` — so rows and counts cost the same whatever the database size.
 * «Awaiting an answer» is exactly the case list's status «Ожидание ответа»: the statuses follow the work
 * (shared/case/status-rules.ts), so both screens count the same cases.
 */
export function queueSources(today: string, staleDays = 14, answerDays = APPEAL_ANSWER_DAYS_FALLBACK): Record<QueueBucketId, BucketSource> {
  const staleBefore = `${addDays(today, -staleDays)}T00:00:00.000Z`;
  const action = (bucket: keyof typeof ACTION_OF_BUCKET, dateOf: (key: unknown) => string | null = actionDate): BucketSource => {
    const [lower, upper] = actionRange(ACTION_OF_BUCKET[bucket], today, addDays(today, -1));
    const range = () => db().cases.where('actions').between(lower, upper, true, true);
    return { rows: (limit) => withKeys(range(), limit, dateOf), count: () => range().count() };
  };
  // An answer entry holds the day the request came; the row shows the day the answer is due under the term in force.
  const answerDue = (key: unknown) => {
    const received = actionDate(key);
    return received === null ? null : addDays(received, answerDays);
  };
  const docRange = (status: (typeof TO_SEND)[number]) => db().documents.where('[status+registeredAt]').between([status, ''], [status, '\uffff'], true, true);
  const cases = (range: () => Collection<CaseRow, string>, dateOf: (row: CaseRow) => string | null): BucketSource => ({
    rows: async (limit) => (await range().limit(limit).toArray()).map((row) => ({ row, date: dateOf(row) })),
    count: () => range().count(),
  });
  return {
    send: {
      rows: async (limit) => {
        const docs = (await Promise.all(TO_SEND.map((status) => docRange(status).limit(limit).toArray())))
          .flat()
          .sort((a, b) => (a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : 0))
          .slice(0, limit);
        const rows = await db().cases.bulkGet(docs.map((d) => d.caseId));
        return docs.flatMap((d, i) => {
          const row = rows[i];
          const { id, title, outgoingNumber, status, registeredAt } = d;
          return row ? [{ row, date: registeredAt, document: { id, title, outgoingNumber, status, registeredAt } }] : [];
        });
      },
      count: async () => (await Promise.all(TO_SEND.map((status) => docRange(status).count()))).reduce((a, b) => a + b, 0),
    },
    followUp: action('followUp'),
    answerCitizen: action('answerCitizen', answerDue),
    recheck: cases(() => db().cases.where('nextCheck').belowOrEqual(today), (row) => dateOrNull(row.nextCheck)),
    courtWarning: action('courtWarning'),
    answerOverdue: action('answerOverdue'),
    // Since when: the day the case entered the status (its next deadline may be a citizen's past term).
    awaiting: cases(
      () => db().cases.where('[status+updatedAt]').between(['awaiting_answer', ''], ['awaiting_answer', '\uffff'], true, true),
      (row) => row.statusHistory.findLast((h) => h.status === 'awaiting_answer')?.at.slice(0, 10) ?? null,
    ),
    stale: cases(() => db().cases.where('[status+updatedAt]').between(['intake', ''], ['intake', staleBefore]), (row) => row.updatedAt.slice(0, 10)),
  };
}

async function perBucket<T>(read: (bucket: QueueBucketId) => Promise<T>): Promise<Record<QueueBucketId, T>> {
  const values = await Promise.all(QUEUE_BUCKETS.map(read));
  return Object.fromEntries(QUEUE_BUCKETS.map((bucket, i) => [bucket, values[i]!])) as Record<QueueBucketId, T>;
}

/** The first `limit` rows of each bucket, earliest first: a few index reads, fast whatever the database size. */
export function workQueueRows(today: string, options: QueueOptions = {}): Promise<Record<QueueBucketId, QueueItem[]>> {
  const sources = queueSources(today, options.staleDays, options.answerDays);
  return perBucket((bucket) => sources[bucket].rows(options.limit ?? 100));
}

/**
 * How many rows each bucket holds (an action bucket counts actions: a case with two letters to chase counts
 * twice). IndexedDB counts an index range entry by entry, so on a large database this takes far longer than
 * the rows: screens read the rows first and the counts after.
 */
export function workQueueCounts(today: string, options: Pick<QueueOptions, 'staleDays'> = {}): Promise<Record<QueueBucketId, number>> {
  const sources = queueSources(today, options.staleDays);
  return perBucket((bucket) => sources[bucket].count());
}

/** Rows and counts together (one read of both, for callers that need them at once). */
export async function workQueue(today: string, options: QueueOptions = {}): Promise<WorkQueue> {
  const [rows, counts] = await Promise.all([workQueueRows(today, options), workQueueCounts(today, options)]);
  return { today, buckets: Object.fromEntries(QUEUE_BUCKETS.map((b) => [b, { count: counts[b], rows: rows[b] }])) as Record<QueueBucketId, QueueBucket> };
}

export { NO_DEADLINE };
